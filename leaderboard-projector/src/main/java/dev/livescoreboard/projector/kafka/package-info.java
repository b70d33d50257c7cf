/**
 * Kafka plumbing of the projector: the typed topic/group/retry settings, the dead-letter topic and
 * the single {@link org.springframework.kafka.listener.DefaultErrorHandler}.
 *
 * <p>Consumption is at-least-once: {@code enable.auto.commit=false}, the container commits only
 * offsets of records already applied, at most every {@code spring.kafka.listener.ack-time} (ack
 * mode TIME: a commit per poll cost the broker a fifth of its CPU; a crash redelivers at most that
 * span, which the versioned apply ignores), the error handler commits a dead-lettered record only
 * after the dead letter was sent, and a record whose dead letter cannot be sent is retried.
 * Retrying forever on Redis failures blocks only the affected partition.
 */
package dev.livescoreboard.projector.kafka;
