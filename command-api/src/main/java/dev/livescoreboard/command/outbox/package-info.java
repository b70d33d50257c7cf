/**
 * The transactional outbox and its relay to Kafka.
 *
 * <p>Writers append an {@code outbox} row in the same transaction as the change it reports
 * ({@link dev.livescoreboard.command.outbox.Outbox#append} requires a transaction), so a row
 * exists exactly when the change committed: nothing is published for a rolled-back transaction.
 *
 * <p>The relay runs on the Spring scheduler thread, fixed delay (default 20 ms). Each batch is one
 * transaction that first takes {@code pg_try_advisory_xact_lock(LOCK_KEY)}: across all instances
 * at most one relay publishes at a time, so rows go out in id order and a key's messages keep
 * their commit order (a user's changes are serialized by the row lock on their score, so their
 * outbox ids grow with commit order). The batch is sent with the idempotent producer ({@code
 * acks=all}); only after every acknowledgement are the rows marked published and the transaction
 * committed. If Kafka fails or the process dies mid-batch, the transaction rolls back and the rows
 * are sent again: delivery is at-least-once, and consumers dedupe by {@code (board, season,
 * userId, userVersion)}. Published rows stay in the table (with {@code published_at}) until a
 * cleanup job removes them.
 */
package dev.livescoreboard.command.outbox;
