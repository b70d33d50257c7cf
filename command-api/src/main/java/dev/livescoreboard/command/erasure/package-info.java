/**
 * Erasure on request (GDPR): the one inventory of where command-api keeps a user's personal data
 * besides the {@code users} row, and how an erase removes it.
 *
 * <p><b>What an erase keeps, and why.</b> The user id stays, with the score events under it: the id
 * is the auth service's opaque subject, a pseudonym that names nobody without the auth service's
 * records, and the events hold only that id, the board, points and times. Keeping them keeps the
 * invariant every check relies on (a score is the sum of its events) and lets analytics keep
 * pseudonymous totals; the {@code users} row stays (status {@code erased}) so the id can never be
 * provisioned or auto-registered again. <b>What it replaces.</b> The display name (a fixed
 * pseudonym, not public), the client metadata of every score event, the stored idempotent
 * responses, the display name inside outbox payloads and inside earlier audit rows. The published
 * {@code ENTRY_CHANGED} events carry {@code forget: true}, telling consumers to delete what they
 * hold; records already in Kafka age out with the topic's retention.
 *
 * <p>Runs inside the erase's transaction (mandatory): all of it commits with the status change or
 * none of it does.
 */
package dev.livescoreboard.command.erasure;
