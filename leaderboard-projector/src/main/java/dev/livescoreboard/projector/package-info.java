/**
 * The leaderboard projector service. Feature packages: {@code projection} (Kafka listener and the
 * atomic Lua apply), {@code kafka} (error handling and dead-letter topic), {@code redis} (client,
 * key layout and health).
 */
package dev.livescoreboard.projector;
