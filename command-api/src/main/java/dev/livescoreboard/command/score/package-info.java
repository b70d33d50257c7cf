/**
 * Completing actions: the heart of the write path.
 *
 * <p>Each complete runs on its request thread in one READ COMMITTED transaction that first
 * share-locks the user's {@code users} row (so an operator's freeze, erase or rename, which locks
 * it exclusively, never interleaves with it), then locks the user's {@code user_scores} row ({@code
 * SELECT … FOR UPDATE}, created first with {@code INSERT … ON CONFLICT DO NOTHING}). All changes of
 * one user's score on one board and season are therefore serialized: no lost update, and versions
 * grow by one per change of the entry (an operator's change takes a number too, so a user's score
 * events may skip one). Inside the lock the nonce is recorded under a unique constraint, so an
 * action token completes at most once even when fired concurrently or after Redis is wiped. The
 * score event, the new score and the outbox row commit together or not at all; a refused complete
 * (replay, cap, frozen user, quota, too fast, rate limit) writes nothing and leaves the token
 * unused.
 *
 * <p>Action limits ({@link dev.livescoreboard.command.score.ActionLimits}) are checked inside the
 * same transaction, after the score row lock and under a lock of the user's {@code users} row, so
 * concurrent completes of one user count one after the other and a quota cannot be overrun: {@code
 * max-per-hour} is a rolling 60 minutes, {@code max-per-day} and {@code once-per-day} count the
 * calendar day in UTC (429 {@code QUOTA_EXCEEDED} with {@code Retry-After}); {@code min-seconds}
 * compares the token's {@code iat} with the commit time (400 {@code ACTION_TOO_FAST}). A replayed
 * token is reported as 409 even when the quota is also used up. The user's rate limit is the last
 * check ({@link dev.livescoreboard.command.ratelimit.UserRateLimits}), so only a complete that
 * passed every rule above counts against it.
 */
package dev.livescoreboard.command.score;
