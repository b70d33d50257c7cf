/**
 * Admission control on the player write endpoints ({@code POST /api/v1/actions} and {@code POST
 * /api/v1/actions/complete}): past the capacity of this instance the excess is refused at once
 * instead of queued without bound.
 *
 * <p>Guarantee: a write request is either admitted (a complete having waited at most {@code
 * scoreboard.admission.max-wait} for one of the limit's permits, a start not at all), or answered
 * 503 {@code UNAVAILABLE} with {@code Retry-After}. A refused request has run no handler,
 * interceptor or body parser: no score, event, outbox row, idempotency key, nonce or rate-limit
 * count is written, so the same request (same action token, same {@code Idempotency-Key}) may
 * simply be sent again.
 *
 * <p>How: a servlet filter right after the request id and CORS filters (so a refusal carries both
 * and a browser may read {@code Retry-After}) and before the body limit, the per-address limit
 * (which costs a Redis round trip), authentication and everything else — the cheapest refusal
 * first, and one that does not use up the caller's rate limit. The limit is Netflix
 * concurrency-limits' {@code Gradient2Limit}: it compares each request's service time with a long
 * average and shrinks the number of concurrent admitted requests when latency climbs (queueing in
 * the JDBC pool, PostgreSQL or the CPU), grows it while latency stays flat, and is bounded by
 * {@code min-limit} and {@code max-limit}. Gradient2 rather than Vegas because Vegas keys on the
 * minimum latency ever seen, which one lucky request (or the mix of cheap starts and transactional
 * completes) sets too low, while Gradient2's average tracks drift.
 *
 * <p>Completes before starts: an action is worth something only once its complete is served, so a
 * complete beyond the limit waits in a bounded LIFO backlog ({@code LifoBlockingLimiter}) — under
 * overload the newest complete, whose caller is still waiting, gets the next free permit, the
 * oldest run into {@code max-wait} and are refused, and when the backlog is full a complete is
 * refused at once — while a start beyond the limit is refused at once. Past capacity new starts
 * arrive at the offered rate but completes only at the admitted one; had both shared the backlog,
 * starts would take the permits, and the completes of actions already started would be refused,
 * wasting the work of their starts.
 *
 * <p>Threads: everything runs on the Tomcat request thread; a waiting request blocks its thread, so
 * {@code max-limit + backlog} stays below {@code server.tomcat.threads.max}, which leaves threads
 * to refuse with, and for reads, admin calls and health checks. Admin writes are not limited here:
 * they are rare, authenticated operator calls (freeze a cheater, revoke a token, provision users)
 * that must work most of all while players overload the service.
 */
package dev.livescoreboard.command.admission;
