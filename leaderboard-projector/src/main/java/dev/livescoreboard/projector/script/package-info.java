/**
 * The projector's Lua scripts and the Redis key conventions they share: scripts with the common
 * top-N helpers ({@link dev.livescoreboard.projector.script.TopNScripts}) and both scripts' KEYS
 * built in one place ({@link dev.livescoreboard.projector.script.ScriptKeys}). The id rules that
 * keep keys inside their {@code {board}} hash tag are shared-events' {@link
 * dev.livescoreboard.events.BoardIds}.
 *
 * <p>Everything here is immutable and thread-safe; scripts are atomic in Redis, so any number of
 * threads and projector instances may call them concurrently.
 */
package dev.livescoreboard.projector.script;
