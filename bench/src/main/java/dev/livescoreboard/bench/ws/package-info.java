/**
 * The WebSocket fleet: many Netty clients subscribed to one board, in this process or in child JVMs
 * ({@code --role=ws-client}) bound to distinct 127.0.0.x source addresses; optionally slow clients
 * beside them that stop reading after their SNAPSHOT until the measured window is over.
 *
 * <p>Concurrency: frames are handled on the clients' event loops; the recorder is lock-free
 * (HdrHistogram {@code ConcurrentHistogram}, per-{@code seq} accumulators in a concurrent map).
 * Child processes talk to the parent only through stdin commands and stdout lines, so they share
 * nothing but the wall clock, which is what latencies against {@code sourceCommittedAt} need.
 *
 * <p>Slow clients have their own client group and event loop: their per-channel state is touched
 * only on that loop (pause on the SNAPSHOT, resume scheduled onto it), their frames never reach the
 * normal clients' recorder, and the parent resumes them ({@code RESUME seq timeout}) before it
 * collects the normal results ({@code STOP}).
 *
 * <p>Personal clients ({@code --personal}) are JDK WebSockets of the first N players, authenticated
 * by {@code ?access_token=} and subscribed to no board: they receive only their player's {@code
 * RANK_CHANGED}, so the board's fan-out is the same with or without them. Their pushes are counted
 * by receipt time inside the window; a push about the player's own complete (no {@code
 * overtakenBy}) is matched to that complete's response by (user, score).
 *
 * <p>Cost per frame: the fleet shares the two cores with the server it measures, so what it spends
 * per frame is time the server's broadcast waits for. Every client of one update receives the same
 * bytes; each event loop thread remembers its last few distinct frames, so a repeated frame is
 * recognised by a byte comparison and counted without a copy or a parse.
 *
 * <p>Broadcast to all, per update: the last client's receipt − the server's {@code sentAt} (when it
 * began sending the update). The gateway and the bare fan-out server stamp it alike, so one
 * definition serves both.
 *
 * <p>Guarantees: only updates whose {@code sourceCommittedAt} lies in the measured window count; an
 * update a client never received (closed, conflated) lowers the delivered share instead of being
 * guessed.
 */
package dev.livescoreboard.bench.ws;
