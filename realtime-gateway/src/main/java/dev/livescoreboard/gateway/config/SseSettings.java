package dev.livescoreboard.gateway.config;

import java.time.Duration;

/**
 * The Server-Sent Events endpoint's settings.
 *
 * @param keepAlive how often a quiet stream gets a comment line
 * @param retry the reconnection delay the stream tells clients ({@code retry:})
 * @param maxStreamsPerAddress open streams one client address may hold
 */
public record SseSettings(Duration keepAlive, Duration retry, int maxStreamsPerAddress) {

  /**
   * Proxies and load balancers commonly close a response that is silent for 30 to 60 s; a comment
   * every 15 s keeps the stream under all of them at a cost of 14 bytes.
   */
  public static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(15);

  /**
   * Long enough that a gateway restart is not met by a reconnect storm, short enough that a viewer
   * barely notices the gap (browsers add their own back-off after repeated failures).
   */
  public static final Duration DEFAULT_RETRY = Duration.ofSeconds(2);

  /**
   * One address may be a whole office or a carrier-grade NAT, so this is far above the few tabs a
   * person opens; it stops one host from holding thousands of the gateway's connection slots.
   */
  public static final int DEFAULT_MAX_STREAMS_PER_ADDRESS = 100;

  public SseSettings {
    if (keepAlive.isNegative() || keepAlive.isZero()) {
      throw new IllegalArgumentException("sse keepAlive must be positive");
    }
    if (retry.isNegative()) {
      throw new IllegalArgumentException("sse retry must not be negative");
    }
    if (maxStreamsPerAddress < 1) {
      throw new IllegalArgumentException(
          "maxStreamsPerAddress must be at least 1, was " + maxStreamsPerAddress);
    }
  }
}
