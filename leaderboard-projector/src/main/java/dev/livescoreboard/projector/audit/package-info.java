/**
 * The consistency audit (SPEC §7): {@code POST /api/v1/admin/audit} checks every board+season
 * against the source of truth and answers a JSON report.
 *
 * <p><b>What is checked.</b> Every board+season that has {@code user_scores} rows or a Redis
 * ranking, and every board of the {@code boards} table in its current season (so each board is
 * listed, also an empty one). For each user with a score row or an event there: PostgreSQL's score
 * equals the sum of the user's event deltas and the newest event's {@code new_score}; a ranked user
 * (active, version above 0, the rebuild's rule) is on the Redis board with that score, the reach
 * time PostgreSQL holds and the public name (display name, or {@code Anonymous} when not public); a
 * frozen, erased or never-changed user is not on it; and the Redis board shows nobody PostgreSQL
 * does not know (looked for only when Redis holds more users than matched). Then the outbox: no
 * unpublished row older than {@code scoreboard.audit.grace}. Erased users are only checked for
 * absence: erasure may rewrite their rows.
 *
 * <p><b>Threads and cost.</b> Runs on the HTTP request thread and only reads: one streaming
 * statement per board+season (score rows FULL JOIN the per-user event aggregate, one snapshot),
 * compared with Redis {@code scoreboard.audit.batch-size} users per pipeline; memory is bounded by
 * the fetch and batch sizes and the listed problems ({@code max-problems-per-board}), never by the
 * board's size. Events keep being applied meanwhile.
 *
 * <p><b>Guarantees.</b> Redis is read after PostgreSQL's snapshot, so a difference counts only if
 * it is settled: Redis holding a newer version (an event committed after the snapshot) is not
 * drift, and neither is Redis lagging a change younger than the grace (still in flight through the
 * outbox and Kafka). Any settled difference is reported, with its kind, and makes {@code ok} false;
 * the answer is 200 either way. An audit that cannot read PostgreSQL or Redis answers 503, never a
 * report. The audit never repairs (reconciliation and rebuild do) and never writes.
 */
package dev.livescoreboard.projector.audit;
