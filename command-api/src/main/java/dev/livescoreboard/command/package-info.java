/**
 * Command API: the write path of Live Scoreboard.
 *
 * <p>Feature packages: {@code auth} (access tokens), {@code action} (catalog and action tokens),
 * {@code score} (completing an action in one transaction), {@code user}, {@code board}, {@code
 * outbox} (relay to Kafka), {@code admin}, {@code admission} (the concurrency limit in front of the
 * player writes) and {@code problem} (RFC 9457 errors). Requests run on servlet threads; the only
 * background work is the outbox relay.
 */
package dev.livescoreboard.command;
