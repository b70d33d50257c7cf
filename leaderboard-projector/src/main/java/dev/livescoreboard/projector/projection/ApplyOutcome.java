package dev.livescoreboard.projector.projection;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What applying one event did.
 *
 * @param applied false when the event was a duplicate or older than what Redis already holds
 * @param seq the new top-N sequence number, or 0 when the top N did not change
 */
record ApplyOutcome(boolean applied, long seq) {

  static final ApplyOutcome DUPLICATE = new ApplyOutcome(false, 0);

  /** Whether a {@code TopNChanged} was stored and published. */
  boolean topChanged() {
    return seq > 0;
  }

  /** Reads the script's reply {@code {status, seq}}. */
  static ApplyOutcome fromReply(Object reply) {
    if (!(reply instanceof List<?> values) || values.size() != 2) {
      throw new IllegalStateException("unexpected reply of apply-score-event.lua: " + reply);
    }
    String status = text(values.get(0));
    long seq = ((Number) values.get(1)).longValue();
    return switch (status) {
      case "duplicate" -> DUPLICATE;
      case "applied" -> new ApplyOutcome(true, seq);
      default -> throw new IllegalStateException("unexpected status: " + status);
    };
  }

  private static String text(Object value) {
    return value instanceof byte[] bytes
        ? new String(bytes, StandardCharsets.UTF_8)
        : String.valueOf(value);
  }
}
