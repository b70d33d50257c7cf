package dev.livescoreboard.events;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A W3C Trace Context {@code traceparent} value, version {@code 00}: {@code 00-<32 hex trace
 * id>-<16 hex parent id>-<2 hex flags>}, lower case, neither id all zeros. It travels from the HTTP
 * request that caused a change, through the outbox row and the Kafka header {@link #HEADER}, to the
 * projector, whose top-N message carries its {@link #traceId()} to the live clients.
 *
 * <p>Parsed and made by hand rather than by a tracer: the services record no spans, and this costs
 * a few hundred nanoseconds and bytes per request where a tracer's span costs microseconds and
 * kilobytes (docs/operations.md, "Logs and traces").
 *
 * @param value the header value
 */
public record TraceParent(String value) {

  /** The name of the HTTP and Kafka header. */
  public static final String HEADER = "traceparent";

  /** The key of the trace id in the logging MDC, hence the field of every JSON log line. */
  public static final String MDC_KEY = "traceId";

  private static final int LENGTH = 55;
  private static final int TRACE_ID_START = 3;
  private static final int TRACE_ID_END = 35;
  private static final int PARENT_ID_END = 52;

  public TraceParent {
    if (!isValid(value)) {
      throw new IllegalArgumentException("not a version-00 traceparent: " + value);
    }
  }

  /** The header's value if it is a valid version-00 {@code traceparent}, else {@code null}. */
  public static TraceParent parse(String header) {
    return isValid(header) ? new TraceParent(header) : null;
  }

  /** {@code header} if valid, else a new trace ({@link #newRoot()}). */
  public static TraceParent resolve(String header) {
    TraceParent given = parse(header);
    return given != null ? given : newRoot();
  }

  /**
   * A new trace with random ids, flagged not sampled (no span of it is recorded anywhere). Trace
   * ids need to be unique, not secret, so a thread-local generator does (as OpenTelemetry's does).
   */
  public static TraceParent newRoot() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    HexFormat hex = HexFormat.of();
    // The low bit set: random bits are all zero with negligible odds, the spec forbids only that.
    return new TraceParent(
        "00-"
            + hex.toHexDigits(random.nextLong())
            + hex.toHexDigits(random.nextLong() | 1)
            + "-"
            + hex.toHexDigits(random.nextLong() | 1)
            + "-00");
  }

  /** The 32 lower-case hex digits that name the trace. */
  public String traceId() {
    return value.substring(TRACE_ID_START, TRACE_ID_END);
  }

  /** Whether {@code header} is a valid version-00 {@code traceparent}. */
  public static boolean isValid(String header) {
    if (header == null
        || header.length() != LENGTH
        || !header.startsWith("00-")
        || header.charAt(TRACE_ID_END) != '-'
        || header.charAt(PARENT_ID_END) != '-') {
      return false;
    }
    return isHex(header, TRACE_ID_START, TRACE_ID_END, true)
        && isHex(header, TRACE_ID_END + 1, PARENT_ID_END, true)
        && isHex(header, PARENT_ID_END + 1, LENGTH, false);
  }

  private static boolean isHex(String s, int from, int to, boolean nonZero) {
    boolean zero = true;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
        return false;
      }
      zero &= c == '0';
    }
    return !(nonZero && zero);
  }
}
