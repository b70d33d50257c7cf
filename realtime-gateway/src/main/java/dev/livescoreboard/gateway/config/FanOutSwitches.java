package dev.livescoreboard.gateway.config;

/**
 * On/off switches of the broadcast fan-out's cost-saving features, <b>for before/after
 * measurements; leave on in production</b>. Each one turned off restores the naive way, so a
 * benchmark can show what the feature saves; nothing else changes with them.
 *
 * @param sharedFrame {@code SCOREBOARD_GATEWAY_FANOUT_SHARED_FRAME} [true]: every subscriber is
 *     sent the same pre-encoded WebSocket frame (header and payload encoded once per board state).
 *     Off: each subscriber's message is serialized to JSON, wrapped in a fresh text frame and
 *     encoded by its own channel.
 * @param flushConsolidation {@code SCOREBOARD_GATEWAY_FANOUT_FLUSH_CONSOLIDATION} [true]: a
 *     broadcast writes to all subscribers of an event loop first and flushes each once afterwards,
 *     and the pipeline's {@code FlushConsolidationHandler} merges the flushes of one read. Off: no
 *     such handler, and the fan-out flushes each channel right after its write.
 * @param conflation {@code SCOREBOARD_GATEWAY_FANOUT_CONFLATION} [true]: a subscriber that is not
 *     writable is skipped and later sent only the latest state. Off: updates are written to slow
 *     subscribers too, and Netty queues them without bound (the memory a benchmark should show).
 */
public record FanOutSwitches(boolean sharedFrame, boolean flushConsolidation, boolean conflation) {

  /** Every feature on: the production setting. */
  public static final FanOutSwitches ALL_ON = new FanOutSwitches(true, true, true);

  /** Whether any feature is off (worth a line in the startup log: this is a measurement run). */
  public boolean anyOff() {
    return !(sharedFrame && flushConsolidation && conflation);
  }
}
