package dev.livescoreboard.projector.projection;

import dev.livescoreboard.events.TraceParent;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.MDC;

/**
 * The W3C trace of a consumed record (its {@code traceparent} header, written by command-api's
 * outbox relay) and the logging context that names it: while a record is handled, the MDC key
 * {@code traceId} holds its trace id, so every log line about it carries the trace of the request
 * that caused it.
 */
public final class RecordTraces {

  private RecordTraces() {}

  /**
   * The trace id of {@code record}'s {@code traceparent} header, or {@code null} if none/invalid.
   */
  public static String traceId(ConsumerRecord<?, ?> record) {
    Header header = record.headers().lastHeader(TraceParent.HEADER);
    if (header == null || header.value() == null) {
      return null;
    }
    TraceParent parent = TraceParent.parse(new String(header.value(), StandardCharsets.US_ASCII));
    return parent == null ? null : parent.traceId();
  }

  /** Names {@code traceId} in this thread's log lines from now on; {@code null} names none. */
  public static void log(String traceId) {
    if (traceId == null) {
      MDC.remove(TraceParent.MDC_KEY);
    } else {
      MDC.put(TraceParent.MDC_KEY, traceId);
    }
  }
}
