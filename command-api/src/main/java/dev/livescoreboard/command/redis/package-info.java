/**
 * Redis access of command-api: one pooled {@link redis.clients.jedis.RedisClient} (Jedis borrows a
 * connection per command, so it is thread-safe and shared by all request threads), its {@link
 * dev.livescoreboard.command.redis.RedisSettings} ({@code SCOREBOARD_REDIS_URL}, {@code
 * SCOREBOARD_REDIS_KEY_PREFIX}) and {@link dev.livescoreboard.command.redis.RedisAvailability}, the
 * circuit breaker every caller consults.
 *
 * <p>Redis is never the source of truth on the write path: scores, nonces and events live in
 * PostgreSQL. Every Redis caller has an in-process fallback, commands use short timeouts, and the
 * client connects lazily, so the service starts and keeps serving while Redis is down. Keys of
 * command-api are {@code <prefix>rl:*} (rate-limit windows) and {@code <prefix>revoked-jti:*}; they
 * never collide with the projector's {@code lb:} keys.
 */
package dev.livescoreboard.command.redis;
