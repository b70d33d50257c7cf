/**
 * Redis helpers every service shares, in plain Java: {@link
 * dev.livescoreboard.events.redis.LuaScript} runs a classpath Lua script by its SHA-1 and sends the
 * source again when Redis answers NOSCRIPT, so scripts survive a Redis restart or {@code SCRIPT
 * FLUSH} without any loading step. The Redis client stays in the caller, passed as method
 * references. Immutable and thread-safe.
 */
package dev.livescoreboard.events.redis;
