package dev.livescoreboard.bench.http;

/**
 * A complete HTTP response as the load generator sees it.
 *
 * @param status the status code
 * @param body the body bytes
 * @param receivedNanos {@link System#nanoTime()} when the last byte was read
 * @param receivedMicros wall-clock epoch microseconds at the same moment (for matching with
 *     timestamps of other processes)
 */
public record HttpReply(int status, byte[] body, long receivedNanos, long receivedMicros) {}
