/**
 * Completing actions: the heart of the write path.
 *
 * <p>Each complete runs on its request thread in one READ COMMITTED transaction that locks the
 * user's {@code user_scores} row ({@code SELECT … FOR UPDATE}, created first with {@code INSERT …
 * ON CONFLICT DO NOTHING}). All changes of one user's score on one board and season are therefore
 * serialized: no lost update, and versions grow 1, 2, 3… without gaps. Inside the lock the nonce
 * is recorded under a unique constraint, so an action token completes at most once even when
 * fired concurrently or after Redis is wiped. The score event, the new score and the outbox row
 * commit together or not at all; a refused complete (replay, cap, frozen user) writes nothing.
 */
package dev.livescoreboard.command.score;
