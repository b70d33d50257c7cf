/**
 * The leaderboard projector service. Feature packages: {@code projection} (batch Kafka listener and
 * the pipelined atomic Lua apply), {@code rebuild} (rebuild from PostgreSQL, lost-board detection,
 * reconciliation, admin endpoint), {@code script} (Lua scripts and the keys they share), {@code
 * kafka} (error handling and dead-letter topic), {@code redis} (client, key layout and health).
 */
package dev.livescoreboard.projector;
