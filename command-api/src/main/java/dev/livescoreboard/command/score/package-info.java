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
 *
 * <p>Admin adjustments ({@code POST /api/v1/admin/users/{userId}/adjustments}) change a score
 * through the same path as completes ({@link dev.livescoreboard.command.score.ScoreChangeWriter}:
 * event, score, outbox row) under the same row lock, on the board's season at the commit time, plus
 * an {@code admin_audit} row, all in one transaction. The event carries the admin's {@code reason}
 * instead of an action type. The result must stay at or above 0 ({@code 409 SCORE_BELOW_ZERO}) and
 * a rise may not end above the board's cap ({@code 409 SCORE_CAP_REACHED}; a fall above a cap
 * lowered later is allowed, it only brings the score closer); a refused adjustment writes nothing.
 * Frozen users are refused ({@code 403 USER_FROZEN}: an adjustment would publish a score change for
 * a user hidden from the boards), erased and unknown ones are {@code 404 USER_NOT_FOUND}; the
 * status is read after the row lock, so a concurrent freeze (which bumps the same row's version) is
 * either seen or ordered after the adjustment. Every change, up or down, sets {@code reached_at} to
 * the commit time: among equal scores the user who has held the score longest ranks first, and
 * after a fall the user holds the new score only from now on (an adjustment down never lets them
 * overtake someone who already had that score). An {@code Idempotency-Key} (per admin) makes a
 * retried adjustment count once.
 */
package dev.livescoreboard.command.score;
