package dev.livescoreboard.command.outbox;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The score events topic ({@code scoreboard.kafka.*}).
 *
 * @param topic its name ({@code SCOREBOARD_KAFKA_TOPIC})
 * @param partitions partitions when the service creates it; more partitions, more projectors
 * @param replicationFactor replicas when the service creates it (1 on a single local broker)
 */
@ConfigurationProperties("scoreboard.kafka")
record KafkaTopicSettings(String topic, int partitions, short replicationFactor) {}
