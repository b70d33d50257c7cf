/**
 * Redis access of the projector: one pooled {@link redis.clients.jedis.RedisClient} shared by all
 * listener threads (Jedis borrows a connection per command, so it is thread-safe), the {@link
 * dev.livescoreboard.events.LeaderboardKeys} layout built from the configured key prefix, and a
 * PING health indicator.
 *
 * <p>The client connects lazily, so the service starts while Redis is unreachable; commands fail
 * until it is back, and the Kafka error handler keeps retrying the affected events.
 */
package dev.livescoreboard.projector.redis;
