/**
 * {@code Idempotency-Key} for write requests (SPEC §4), per user, kept 24 hours.
 *
 * <p>Concurrency model: the key row in {@code idempotency_keys} is claimed with {@code INSERT … ON
 * CONFLICT} inside the same PostgreSQL transaction as the request's effect, and the 2xx response is
 * stored in that transaction before it commits. Hence: the effect and the key commit together or
 * not at all; of two concurrent requests with the same new key exactly one executes — the other
 * blocks on the unique index until the first commits and then replays its response (or executes, if
 * the first rolled back). Error responses are never stored, so a refused request can be fixed and
 * retried with the same key. A key used with a different request (SHA-256 of method, path and body
 * fields) gets {@code 422 IDEMPOTENCY_KEY_REUSED}. Rows older than the TTL are ignored on read
 * (taken over by the next request) and deleted by a scheduled purge.
 */
package dev.livescoreboard.command.idempotency;
