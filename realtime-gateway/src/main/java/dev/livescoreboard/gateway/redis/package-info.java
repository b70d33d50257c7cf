/**
 * The Redis side of the gateway: read-only access to the projector's keys and the subscription to
 * its top-changed channel.
 *
 * <p>Threads: the subscription runs on one dedicated daemon thread (never an event loop) and
 * delivers messages in the order Redis sends them. Store reads block and run on the blocking
 * executor. Pub/sub is at-most-once: a message published while disconnected is lost, which is why
 * every (re)subscribe triggers a reload of all known boards from the stored snapshots. The gateway
 * never writes to Redis. Every command has a connect and read timeout of {@code
 * RedisConnections.TIMEOUT} (the subscription none while subscribed), so a read of a down or hung
 * Redis fails within it instead of holding a blocking thread.
 */
package dev.livescoreboard.gateway.redis;
