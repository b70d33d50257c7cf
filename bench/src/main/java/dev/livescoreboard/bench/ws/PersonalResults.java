package dev.livescoreboard.bench.ws;

import org.HdrHistogram.Histogram;

/**
 * What the authenticated WebSocket clients received in the measured window.
 *
 * @param requested players asked for
 * @param connected sockets that opened
 * @param rankChanged {@code RANK_CHANGED} messages received
 * @param overtaken of those, the ones telling a player someone passed them ({@code overtakenBy})
 * @param completeToPush the player's complete response → its {@code RANK_CHANGED} (µs)
 */
public record PersonalResults(
    int requested, int connected, long rankChanged, long overtaken, Histogram completeToPush) {}
