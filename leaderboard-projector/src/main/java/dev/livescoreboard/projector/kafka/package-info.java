/**
 * Kafka plumbing of the projector: the typed topic/group/retry settings, the dead-letter topic and
 * the single {@link org.springframework.kafka.listener.DefaultErrorHandler}.
 *
 * <p>Consumption is at-least-once: {@code enable.auto.commit=false}, the container commits only
 * offsets of records already applied, at most every {@code spring.kafka.listener.ack-time} (ack
 * mode TIME: a commit per poll cost the broker a fifth of its CPU; a crash redelivers at most that
 * span, which the versioned apply ignores), the error handler commits a dead-lettered record only
 * after the dead letter was sent, and a record whose dead letter cannot be sent is retried.
 * Retrying forever on Redis failures blocks only the affected partition. Every dead letter is
 * counted ({@code scoreboard_projector_dead_letters_total}) once the broker took it, and logged
 * with the trace id of its record.
 *
 * <p>Health: the {@code kafka} component of {@code /actuator/health} is DOWN when the broker does
 * not describe its cluster within {@code scoreboard.kafka.health-timeout} (1 s).
 *
 * <p><b>A hung dependency (SPEC §10).</b> When Redis hangs (accepts connections, answers nothing),
 * each apply fails within {@code scoreboard.redis.timeout} (2 s) and its batch is retried from the
 * first record not applied, with the back-off above; no offset is committed past that record, so
 * nothing is skipped. When Redis answers again the retried records apply once: calls that reached
 * Redis before it hung, or that it carries out late, are duplicates to the versioned apply. When
 * the broker hangs, the listener simply gets nothing; a commit that fails is made by the next one
 * (records applied but not committed are delivered again, and are duplicates), and once the broker
 * answers the consumer rejoins its group by itself, also after its session expired meanwhile.
 */
package dev.livescoreboard.projector.kafka;
