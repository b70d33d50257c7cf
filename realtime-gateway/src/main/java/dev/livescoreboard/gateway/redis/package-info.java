/**
 * The Redis side of the gateway: read-only access to the projector's keys and the subscription to
 * its top-changed and rank-changed channels.
 *
 * <p>Threads: each subscription runs on its own dedicated daemon thread (never an event loop) and
 * delivers messages in the order Redis sends them. Store reads block and run on the blocking
 * executor. Pub/sub is at-most-once: a message published while disconnected is lost, which is why
 * every (re)subscribe of the top-changed channel triggers a reload of all known boards from the
 * stored snapshots; personal rank changes missed meanwhile are not replayed (there is nothing
 * stored to replay, and they are news of the moment). The gateway never writes to Redis. Every
 * command has a connect and read timeout of {@code RedisConnections.TIMEOUT} (the subscription none
 * while subscribed), so a read of a down or hung Redis fails within it instead of holding a
 * blocking thread.
 */
package dev.livescoreboard.gateway.redis;
