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
 * @param broadcast per update: last client receipt − the server's {@code sentAt}, when it began
 *     sending the update (µs): the broadcast-to-all time of SPEC §8, defined the same way for the
 *     gateway and the bare fan-out server; empty when the server sends no {@code sentAt}
 */
public record FleetResults(
    int requested,
    int connected,
    long disconnects,
    long updates,
    long receipts,
    Histogram propagation,
    Histogram broadcastSpread,
    Histogram allDelivered,
    Histogram broadcast) {

  /** Receipts per (update × connected client); below 1 when clients skipped or lost updates. */
  public double deliveredShare() {
    return updates == 0 || connected == 0 ? 0 : (double) receipts / ((double) updates * connected);
  }
}
