/**
 * Server-Sent Events readers of the board ({@code GET /api/v1/leaderboards/{board}/stream}) in the
 * bench JVM: they connect beside the WebSocket fleet and measure, per reader, the time from a
 * complete's response to the first {@code update} event showing that user with that score.
 */
package dev.livescoreboard.bench.sse;
