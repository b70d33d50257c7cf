/**
 * The transactional outbox and its relay to Kafka.
 *
 * <p>Writers append an {@code outbox} row in the same transaction as the change it reports ({@link
 * dev.livescoreboard.command.outbox.Outbox#append} requires a transaction), so a row exists exactly
 * when the change committed: nothing is published for a rolled-back transaction.
 *
 * <p>Wake-up, not polling. After a commit, the writing thread wakes its own instance's relay
 * ({@link dev.livescoreboard.command.outbox.Outbox#append} registers an after-commit hook). For the
 * other instances, a statement-level trigger on {@code outbox} INSERT calls {@code
 * pg_notify('outbox', current_setting('application_name'))}. PostgreSQL delivers it only when the
 * transaction commits (and folds duplicates within one transaction). The {@code outbox-listener}
 * thread holds one dedicated connection (outside the Hikari pool) in {@code LISTEN outbox}, blocked
 * in pgjdbc's {@code getNotifications(timeout)}, and wakes the {@code outbox-relay} thread, except
 * for notifications carrying this instance's own {@link
 * dev.livescoreboard.command.outbox.WriterTag} (its pooled connections' {@code application_name}),
 * whose writer woke the relay already. The table stays the queue; losing a wake-up costs at most
 * the fallback poll (default 1 s). The listener reconnects with jittered exponential back-off and
 * wakes the relay after each connect.
 *
 * <p>The relay runs on its own {@code outbox-relay} thread; wake-ups coalesce into one pending
 * flag. A wake-up starts a transaction whose claims are pipelined: each claim is one statement that
 * takes {@code pg_try_advisory_xact_lock(LOCK_KEY)} and locks and marks a batch of unpublished rows
 * in id order (none if the lock is taken elsewhere); the batch goes to the idempotent producer
 * ({@code acks=all}, {@code linger.ms=0}) without waiting, and rows announced while its
 * acknowledgements are pending are claimed and sent at once. When nothing is in flight or
 * announced, the transaction commits its marks. Across all instances at most one relay transaction
 * publishes at a time and one producer sends its batches in claim order, so rows go out in id order
 * and a key's messages keep their commit order (a user's changes are serialized by the row lock on
 * their score, so their outbox ids grow with commit order). An instance that misses the lock stops;
 * the holder was notified too and claims the rows. If Kafka fails, does not acknowledge within the
 * send timeout, or the process dies mid-transaction, the transaction rolls back and every row it
 * claimed is sent again: delivery is at-least-once, and consumers dedupe by {@code (board, season,
 * userId, userVersion)}. The relay's transaction commits with {@code synchronous_commit = off}: a
 * crash may lose its marks (never a writer's rows), which only means those rows are sent again.
 * Published rows stay in the table (with {@code published_at}) until a cleanup job removes them.
 *
 * <p>Meters: {@code scoreboard.outbox.lag} (Kafka ack time minus the row's {@code created_at},
 * which {@link dev.livescoreboard.command.outbox.Outbox#append} stamps with the insert's wall-clock
 * time just before the writer commits; with percentiles), {@code scoreboard.outbox.round} (one
 * relay transaction), {@code scoreboard.outbox.send} (one batch until every ack), {@code
 * scoreboard.outbox.batch.size} (rows per claim), {@code scoreboard.outbox.published}, {@code
 * scoreboard.outbox.failures}.
 */
package dev.livescoreboard.command.outbox;
