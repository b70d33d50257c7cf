/**
 * Kafka plumbing of the projector: the typed topic/group/retry settings, the dead-letter topic and
 * the single {@link org.springframework.kafka.listener.DefaultErrorHandler}.
 *
 * <p>Consumption is at-least-once: {@code enable.auto.commit=false}, the container commits after
 * the records of a poll were applied (ack mode BATCH), the error handler commits a dead-lettered
 * record only after the dead letter was sent, and a record whose dead letter cannot be sent is
 * retried. Retrying forever on Redis failures blocks only the affected partition. Every dead letter
 * is counted ({@code scoreboard_projector_dead_letters_total}) once the broker took it, and logged
 * with the trace id of its record.
 *
 * <p>Health: the {@code kafka} component of {@code /actuator/health} is DOWN when the broker does
 * not describe its cluster within {@code scoreboard.kafka.health-timeout} (1 s).
 */
package dev.livescoreboard.projector.kafka;
