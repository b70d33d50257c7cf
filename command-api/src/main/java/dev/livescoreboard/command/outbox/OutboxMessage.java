package dev.livescoreboard.command.outbox;

/**
 * A message to publish once its transaction commits.
 *
 * @param aggregateType what kind of thing changed, e.g. {@code score}
 * @param aggregateId the Kafka key: all messages of one aggregate keep their order
 * @param type the event type, e.g. {@code SCORE_CHANGED}
 * @param payload the exact record value (JSON)
 * @param traceparent W3C trace context sent as a Kafka header, or {@code null}
 */
public record OutboxMessage(
    String aggregateType, String aggregateId, String type, String payload, String traceparent) {}
