package dev.livescoreboard.command.score;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * W3C trace context ({@code traceparent}) for the events a request causes: the caller's header when
 * it is a valid version-00 value, otherwise a new sampled-out trace. Thread-safe.
 */
final class TraceParents {

  private static final Pattern VALID =
      Pattern.compile("00-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}");

  private final SecureRandom random = new SecureRandom();

  String resolve(String header) {
    if (header != null && VALID.matcher(header).matches()) {
      return header;
    }
    byte[] traceId = new byte[16];
    byte[] spanId = new byte[8];
    random.nextBytes(traceId);
    random.nextBytes(spanId);
    // Random bits are all zero with negligible odds; the spec forbids only that value.
    traceId[0] |= 1;
    spanId[0] |= 1;
    HexFormat hex = HexFormat.of();
    return "00-" + hex.formatHex(traceId) + "-" + hex.formatHex(spanId) + "-00";
  }

  static boolean isValid(String traceparent) {
    return traceparent != null && VALID.matcher(traceparent).matches();
  }
}
