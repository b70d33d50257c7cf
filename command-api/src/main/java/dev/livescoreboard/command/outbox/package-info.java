/**
 * The transactional outbox, its relay to Kafka, and the purge of published rows.
 *
 * <p>Writers append an {@code outbox} row in the same transaction as the change it reports ({@link
 * dev.livescoreboard.command.outbox.Outbox#append} requires a transaction), so a row exists exactly
 * when the change committed: nothing is published for a rolled-back transaction.
 *
 * <p>Wake-up: one path. When a writer's transaction commits, its thread wakes its own instance's
 * relay ({@link dev.livescoreboard.command.outbox.Outbox#append} registers an after-commit hook);
 * wake-ups coalesce into one pending flag on the {@code outbox-relay} thread. The woken relay
 * claims every unpublished row, whichever instance wrote it, under an advisory lock that all
 * instances share. If another instance's relay holds the lock, that relay may have made its last
 * claim before this instance's rows committed, so the woken relay keeps its wake-up and tries again
 * after {@code lock-busy-retry} (default 10 ms) until it gets the lock. A slow fallback poll
 * (default 1 s) is the safety net: rows of an instance that died between its commit and its relay's
 * claim, a lost wake-up. The table stays the queue; a wake-up is only a signal. (Until changeset
 * 033 a NOTIFY trigger also woke the relays of other instances; the lock-busy retry covers what it
 * did.)
 *
 * <p>The relay transaction. Claims inside one transaction are pipelined: each claim is one
 * statement that takes {@code pg_try_advisory_xact_lock(LOCK_KEY)} and locks and marks a batch of
 * unpublished rows in id order (or reports the lock busy); the batch goes to the idempotent
 * producer ({@code acks=all}, {@code linger.ms=0}) without waiting, and rows announced while its
 * acknowledgements are pending are claimed and sent at once. When nothing is in flight or
 * announced, the transaction commits its marks. Across all instances at most one relay transaction
 * publishes at a time and one producer sends its batches in claim order, so rows go out in id order
 * and a key's messages keep their commit order (a user's changes are serialized by the row lock on
 * their score, so their outbox ids grow with commit order). If Kafka fails, does not acknowledge
 * within the send timeout, or the process dies mid-transaction, the transaction rolls back and
 * every row it claimed is sent again: delivery is at-least-once, and consumers dedupe by {@code
 * (board, season, userId, userVersion)}. The relay's transaction commits with {@code
 * synchronous_commit = off}: a crash may lose its marks (never a writer's rows), which only means
 * those rows are sent again.
 *
 * <p>Cleanup. Published rows are kept for {@code scoreboard.outbox.purge.retention} (default 24 h)
 * and then deleted by {@link dev.livescoreboard.command.outbox.OutboxPurge}, on every instance,
 * every {@code interval} (default 1 min), in batches of {@code batch-size} rows (default 1,000),
 * each one short statement that selects its rows {@code FOR UPDATE SKIP LOCKED}: it never waits
 * for, nor holds up, a relay or another purge. An unpublished row is never deleted, however old.
 *
 * <p>Meters: {@code scoreboard.outbox.lag} (Kafka ack time minus the row's {@code created_at},
 * which {@link dev.livescoreboard.command.outbox.Outbox#append} stamps with the insert's wall-clock
 * time just before the writer commits; with percentiles), {@code scoreboard.outbox.round} (one
 * relay transaction), {@code scoreboard.outbox.send} (one batch until every ack), {@code
 * scoreboard.outbox.batch.size} (rows per claim), {@code scoreboard.outbox.published}, {@code
 * scoreboard.outbox.failures}, {@code scoreboard.outbox.lock.busy} (claims that found another relay
 * holding the lock), {@code scoreboard.outbox.purged} (rows deleted by the purge).
 *
 * <p>Trace: a row's {@code traceparent} (the trace of the request that wrote it, see the {@code
 * trace} package) is sent as the record's {@code traceparent} header, on every send of the row.
 *
 * <p>Health: the {@code kafka} component of {@code /actuator/health} is DOWN when the broker does
 * not describe its cluster within {@code scoreboard.kafka.health-timeout} (1 s); it is not in the
 * readiness group, because writes go on into the outbox while Kafka is down.
 */
package dev.livescoreboard.command.outbox;
