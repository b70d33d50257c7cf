/**
 * Projection of score events into the Redis read model.
 *
 * <p><b>Threads and order.</b> Kafka listener container threads ({@code
 * scoreboard.kafka.concurrency}, default 1) call {@link ScoreEventProjector} with the records of
 * one poll (up to {@code max.poll.records}, default 500), which are applied as one Redis pipeline
 * of EVALSHA calls on one connection. Events of one user share a key, hence a partition, hence
 * arrive in offset order within and across batches, and the pipeline runs them in list order;
 * events of different users of one board may be applied by different threads concurrently, which is
 * safe because each apply is one atomic Lua script.
 *
 * <p><b>Guarantees.</b>
 *
 * <ul>
 *   <li>At-least-once in, exactly-once effect: the script compares the event's {@code userVersion}
 *       with the stored one and applies in the same atomic step (STYLE #5), so a redelivered or
 *       older event changes nothing, publishes nothing and does not advance {@code seq}.
 *   <li>Offsets are committed by the container only after the batch's pipeline returned (at most
 *       every {@code ack-time}), so an event whose apply failed (Redis unreachable) is retried,
 *       never skipped; retrying a partly applied batch is safe because applied events are
 *       duplicates.
 *   <li>A poison record inside a batch is dead-lettered after the records before it were applied;
 *       the records after it are delivered again and applied.
 *   <li>A {@code TopNChanged} with a new {@code seq} is stored under {@code top} and published on
 *       the channel only when the ordered (userId, displayName, score) list of the first N changed;
 *       {@code seq} grows by one per such change of a board and season, and is seeded from the
 *       Redis clock when missing, so it keeps growing after Redis lost its data. Each state carries
 *       the board's size ({@code totalUsers}, the ranking's {@code ZCARD}, O(1)). When an applied
 *       event changes the size but not the top N (a user's first score below it, an entry removed
 *       or restored below it) the stored state is stored and published again with the new {@code
 *       totalUsers} under the same {@code seq}, everything else unchanged, in the same atomic step:
 *       the stored state's size is always the board's, and subscribers learn it one pub/sub hop
 *       later, while nothing counts as a top-N change. Events that change neither (the common case:
 *       a ranked user's score below the top N) cost nothing more.
 *   <li>A {@code RanksChanged} (shared-events; its Javadoc states who is in one) is published on
 *       the rank-changed channel in the same atomic step, for every applied event that changed its
 *       user's board rank or was their first score; a duplicate, or an event that keeps its user's
 *       rank, publishes none. The script finds the user's rank before and after with {@code ZRANK}
 *       (O(log n) in the board's size) and compares only the top N it already reads, never the rest
 *       of the board, so the added cost per event is flat: two ZRANKs and one small PUBLISH, plus
 *       an O(N) comparison when the top N changed.
 *   <li>Board definitions ({@code BOARD_DEFINED}) are applied by {@code
 *       lua/apply-board-definition.lua} in the listener's order (the score changes before one in
 *       the batch are applied first): the definition hash is replaced only by a newer {@code
 *       boardVersion}, so a redelivered or older definition changes nothing; then the board joins
 *       the registry set with its own idempotent {@code SADD} (another cluster slot). When the
 *       board's {@code topN} changed, the current season's top N is re-published at the new size
 *       (next {@code seq}) in the same script.
 *   <li>Entry changes ({@code ENTRY_CHANGED}: an operator froze, unfroze, erased, renamed or hid a
 *       user) are applied by {@code lua/apply-entry-change.lua} in the listener's order, after the
 *       score changes before them in the batch. They share the user's key (so partition and order)
 *       and version sequence with score changes, and the script checks and records the version in
 *       the same atomic step: an active entry is put back or renamed with the event's score, reach
 *       time and shown name, a frozen or erased one is removed from the ranking, members and names
 *       while its version stays recorded, so no replayed or older event of either type brings it
 *       back. When the top N changed it is published with the next {@code seq}, like a score
 *       change; no {@code RanksChanged} is published (nobody scored). During a rebuild the user is
 *       marked dirty like any changed user, so the swap keeps the newer live state, removal
 *       included.
 *   <li>Season starts ({@code SEASON_STARTED}) are applied by {@code lua/apply-season-started.lua}
 *       in the listener's order, atomically: the season joins the board's {@code seasons} list
 *       (scored by {@code Seasons.order}) with its start, the previous season gets its end; if it
 *       starts after the board's current season it becomes current and, unless scores reached it
 *       first, its empty top N is stored and published with a new {@code seq}, so gateways switch
 *       readers and live clients to it (a {@code SNAPSHOT}). A redelivered or older start changes
 *       nothing and publishes nothing. A score of a newer season that arrives before its start
 *       (another partition) still advances the current season, so neither order loses the switch.
 *   <li>Each board's top N has the board's own size: the apply script reads {@code topN} from the
 *       definition hash, and uses {@code scoreboard.projection.top-n} only for a board whose
 *       definition has not arrived yet.
 *   <li>A score change's record header {@code traceparent} (command-api's outbox) names its trace:
 *       its trace id is in the logging MDC while the record is handled and goes into the {@code
 *       TopNChanged} it causes as {@code traceId}; a state no traced score change caused (entry
 *       changes, season starts, definitions, rebuilds) has none.
 *   <li>Every key one apply touches belongs to one board ({@code {board}} hash tag), so the script
 *       also runs on Redis Cluster.
 * </ul>
 *
 * <p>Must never happen: a partially applied event, a publish without a stored snapshot, or two
 * different top-N states with the same {@code seq}.
 */
package dev.livescoreboard.projector.projection;
