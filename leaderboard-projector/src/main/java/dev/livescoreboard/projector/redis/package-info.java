/**
 * Redis access of the projector: one pooled {@link redis.clients.jedis.RedisClient} shared by all
 * listener threads (Jedis borrows a connection per command, so it is thread-safe), the {@link
 * dev.livescoreboard.events.LeaderboardKeys} layout built from the configured key prefix, and a
 * PING health indicator.
 *
 * <p>The client connects lazily, so the service starts while Redis is unreachable; commands fail
 * until it is back, and the Kafka error handler keeps retrying the affected events. Every wait of a
 * command (connect, read, a pooled connection) ends after {@code scoreboard.redis.timeout} (2 s),
 * so a Redis that hangs fails calls instead of holding threads; the health check's PING runs on a
 * connection of its own with {@code health-timeout} (1 s), so {@code /actuator/health} turns DOWN
 * within about that while Redis hangs, and UP again with its first answer.
 */
package dev.livescoreboard.projector.redis;
