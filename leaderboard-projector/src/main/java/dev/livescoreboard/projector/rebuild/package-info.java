/**
 * Rebuild of the Redis read model from PostgreSQL (SPEC §7), and reconciliation.
 *
 * <p><b>Threads.</b> Rebuilds run on the calling thread: an HTTP worker for {@code POST
 * /admin/rebuild}, or Boot's single scheduler thread for the lost-board check ({@link
 * dev.livescoreboard.projector.rebuild.RedisLossDetector}) and the reconciliation ({@link
 * dev.livescoreboard.projector.rebuild.Reconciler}), which therefore never overlap each other.
 * Kafka listener threads keep applying events meanwhile. PostgreSQL is only read, one streaming
 * statement (one snapshot) per rebuild or comparison.
 *
 * <p><b>Guarantees.</b>
 *
 * <ul>
 *   <li>Readers never see a half-built board: users are written into {@code …:rebuild} keys and one
 *       Lua script renames them over the live keys, stores and publishes the new top N with the
 *       next {@code seq} (seeded from the Redis clock when missing) and sets the {@code built}
 *       sentinel.
 *   <li>No event is lost by a swap: while the marker {@code rebuild:active} exists the apply script
 *       adds each changed user to {@code rebuild:dirty}; the swap keeps the live state of a dirty
 *       user whose version is newer than the one read from PostgreSQL: their live entry, or their
 *       absence when an entry change removed them (frozen or erased meanwhile). Events never wait
 *       for a rebuild (no listener pause), and this holds for any number of projector instances.
 *   <li>One rebuild per board+season at a time, across instances: the marker is taken with SET NX
 *       and carries a TTL refreshed on every write batch, so a crashed rebuild unblocks itself and
 *       its keys expire.
 *   <li>Board definitions are restored too: before looking for lost boards, every row of {@code
 *       boards} is applied through the same versioned apply as a {@code BOARD_DEFINED} (a no-op for
 *       a board Redis holds at that version), so a rebuilt top N has its board's size and the
 *       registry set is complete again after Redis lost its data.
 *   <li>Season lists are restored the same way: every row of {@code seasons} is applied through the
 *       same idempotent apply as a {@code SEASON_STARTED}, each board's newest season first, so
 *       after Redis lost its data the current season and {@code /seasons} are back and only the
 *       current season's empty top N (if it had none) is published.
 *   <li>Ranked are users with {@code version > 0} and status {@code active}; a non-public user is
 *       shown as {@code Anonymous}, exactly as the events name them. Reconciliation compares the
 *       shown names too, and counts a frozen or erased user still in Redis as drift, so a missed
 *       rename, visibility change, freeze or erase is repaired by the rebuild it triggers.
 *   <li>A swap publishes no {@code RanksChanged}: it restores the ranks the events made, nobody
 *       scored, so nobody is told they were overtaken; the new top N reaches viewers as usual.
 * </ul>
 *
 * <p>Must never happen: a reader seeing a partially rebuilt board, a rebuild overwriting a newer
 * applied version, or a write to PostgreSQL.
 */
package dev.livescoreboard.projector.rebuild;
