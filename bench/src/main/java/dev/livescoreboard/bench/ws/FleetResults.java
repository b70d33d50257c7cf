package dev.livescoreboard.bench.ws;

import org.HdrHistogram.Histogram;

/**
 * What the WebSocket fleet measured for updates committed in the measured window.
 *
 * @param requested clients asked for
 * @param connected clients that completed the handshake
 * @param disconnects clients the server closed during the run
 * @param updates distinct updates ({@code seq}) received
 * @param receipts update frames received over all clients
 * @param propagation receipt − {@code sourceCommittedAt}, every client and update (µs)
 * @param broadcastSpread per update: last client receipt − first client receipt (µs)
 * @param allDelivered per update: last client receipt − {@code sourceCommittedAt} (µs)
 */
public record FleetResults(
    int requested,
    int connected,
    long disconnects,
    long updates,
    long receipts,
    Histogram propagation,
    Histogram broadcastSpread,
    Histogram allDelivered) {

  /** Receipts per (update × connected client); below 1 when clients skipped or lost updates. */
  public double deliveredShare() {
    return updates == 0 || connected == 0 ? 0 : (double) receipts / ((double) updates * connected);
  }
}
