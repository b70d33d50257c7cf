package dev.livescoreboard.command.outbox;

import dev.livescoreboard.events.Topics;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The score events topic and the broker's health check ({@code scoreboard.kafka.*}).
 *
 * @param topic its name ({@code SCOREBOARD_KAFKA_TOPIC}), by default {@link Topics#SCORE_EVENTS}
 * @param partitions partitions when the service creates it; more partitions, more projectors
 * @param replicationFactor replicas when the service creates it (1 on a single local broker)
 * @param healthTimeout how long the health check waits for the broker before it reports DOWN
 */
@ConfigurationProperties("scoreboard.kafka")
record KafkaTopicSettings(
    @DefaultValue(Topics.SCORE_EVENTS) String topic,
    int partitions,
    short replicationFactor,
    Duration healthTimeout) {}
