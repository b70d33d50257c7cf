/**
 * The board registry's write side: defining boards and announcing them to the read model.
 *
 * <p><b>Guarantees.</b>
 *
 * <ul>
 *   <li>One transaction per change: the board row is upserted, its {@code version} grows by one, a
 *       {@code BOARD_DEFINED} with that {@code boardVersion} is appended to the outbox, and an
 *       {@code admin_audit} row records who, when and what. Nothing reaches Kafka for a rolled-back
 *       change; every committed one does (the outbox relay's guarantees). Each {@code PUT} is a
 *       change, even one that repeats the stored values: the read model applies it idempotently.
 *   <li>A lower score cap applies to later completes only: scores above it are not touched.
 *   <li>Boards that exist without an announcement (created or changed by a migration, {@code
 *       announced_version < version}) are announced at startup. The rows are read {@code FOR UPDATE
 *       SKIP LOCKED} and marked announced in the same transaction, so instances starting together
 *       announce each version once; a failed attempt leaves them pending for the next start.
 * </ul>
 *
 * <p>Never: a board change without its event, or Redis written from here.
 */
package dev.livescoreboard.command.registry;
