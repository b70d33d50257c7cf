/**
 * Request rate limits (SPEC §4): per client address on every {@code /api/**} request (checked
 * before authentication), and per user on action starts (30/min) and completes (10/min, with
 * optional per-action-type windows), each a sliding window of {@code
 * scoreboard.rate-limits.window}. A refused request gets 429 {@code RATE_LIMITED} with {@code
 * Retry-After} (seconds, rounded up) and changes nothing; every checked request carries {@code
 * RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset}.
 *
 * <p><b>Shared windows.</b> A window is a Redis sorted set {@code <prefix>rl:<kind>:<id>} of
 * request timestamps, checked and updated by ONE Lua script ({@code
 * lua/sliding-window-rate-limit.lua}): drop entries older than the window, count, add this request
 * if under the limit, set the TTL. Redis executes scripts one at a time, so concurrent requests on
 * any number of instances never exceed the limit, and the script reads Redis's own {@code TIME}, so
 * instance clocks do not matter.
 *
 * <p><b>Redis down or slow.</b> Commands time out after {@code scoreboard.redis.timeout}; then
 * {@link dev.livescoreboard.command.redis.RedisAvailability} skips Redis for {@code retry-interval}
 * and each instance enforces the same limits with an in-process sliding window. The write path
 * keeps working and never answers 500 because of Redis; the cost is that while Redis is out each of
 * N instances allows up to the limit, i.e. a client spreading requests over instances may get up to
 * N times the limit. One warning is logged per outage and every check answered locally increments
 * {@code scoreboard.ratelimit.fallbacks}. In-process windows start empty, and Redis windows resume
 * from their stored state when Redis is back.
 *
 * <p><b>Where each limit runs.</b> The per-address limit is an interceptor before authentication,
 * so floods of bad tokens are limited too. The per-user limits ({@link
 * dev.livescoreboard.command.ratelimit.UserRateLimits}) are called by the handlers: a start after
 * the user is found active, a complete inside its transaction after the token is verified, the user
 * found active and the action's quotas and {@code min-seconds} passed (SPEC §4 order), so its
 * window is picked by the {@code act} claim of a VERIFIED token. A request refused earlier (bad
 * token, frozen user, quota) does not use up a slot; a complete refused by its limit rolls its
 * transaction back. The Redis call then runs while the user's row is locked, adding one Redis round
 * trip (at most {@code scoreboard.redis.timeout}) to that lock.
 *
 * <p>Runs on the request thread; all classes are thread-safe.
 */
package dev.livescoreboard.command.ratelimit;
