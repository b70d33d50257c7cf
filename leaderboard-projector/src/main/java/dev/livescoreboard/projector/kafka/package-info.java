/**
 * Kafka plumbing of the projector: the typed topic/group/retry settings, the dead-letter topic and
 * the single {@link org.springframework.kafka.listener.DefaultErrorHandler}.
 *
 * <p>Consumption is at-least-once: {@code enable.auto.commit=false}, the container commits after
 * the records of a poll were applied (ack mode BATCH), the error handler commits a dead-lettered
 * record only after the dead letter was sent, and a record whose dead letter cannot be sent is
 * retried. Retrying forever on Redis failures blocks only the affected partition.
 */
package dev.livescoreboard.projector.kafka;
