/**
 * W3C trace context of the write path.
 *
 * <p>Every request gets a {@code traceparent}: the caller's when it is a valid version-00 value
 * (kept as it is), else a new unsampled one ({@code TraceParent} in shared-events). Its trace id is
 * in the MDC as {@code traceId} for the whole request, so every log line the request writes names
 * it (next to {@code requestId}). A request that changes a score writes the traceparent into the
 * outbox row of its event, in the same transaction; the relay sends it as the Kafka record's {@code
 * traceparent} header; the projector logs its lines about the record with that trace id and puts it
 * into the top-N state the event causes ({@code TopNChanged.traceId}); the gateway sends it to live
 * clients as {@code traceId} of the {@code LEADERBOARD_UPDATE} (WebSocket) or {@code update} (SSE)
 * beside {@code sourceCommittedAt}. So one trace id follows a complete from the request to every
 * frame that shows it.
 *
 * <p>Guarantees: the trace of a score change's event is the trace of the request that made it, also
 * when the outbox publishes it later or again (it is stored with the row). A frame that conflates
 * several states carries the trace id of the state it shows, the latest. Events no request caused
 * with a score change (operator changes of users, season starts, board definitions, rebuilds) carry
 * no trace id. No span is recorded or exported anywhere: the ids exist to follow one action through
 * the logs and to the client.
 */
package dev.livescoreboard.command.trace;
