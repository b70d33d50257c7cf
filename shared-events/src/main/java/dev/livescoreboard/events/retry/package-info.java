/**
 * Retry timing every service shares, in plain Java: {@link
 * dev.livescoreboard.events.retry.Backoff}, the jittered exponential pause of a reconnect loop (the
 * gateway's Redis subscription, command-api's revocation feed and outbox listener). Each instance
 * belongs to one loop thread.
 */
package dev.livescoreboard.events.retry;
