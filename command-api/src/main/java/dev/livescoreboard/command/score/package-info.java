/**
 * Completing actions: the heart of the write path.
 *
 * <p>Each complete runs on its request thread in one READ COMMITTED transaction of three round
 * trips to PostgreSQL ({@link dev.livescoreboard.command.score.ScoreStore}). The first locks the
 * user's {@code users} row ({@code FOR NO KEY UPDATE}) and, in a second statement of the same round
 * trip whose snapshot is taken after the lock was granted, reads the board's current season, the
 * user's score there, whether the token's nonce was used and the user's completes in the action's
 * quota windows. Every writer of a user's scores locks that row first (operators' changes and
 * adjustments {@code FOR UPDATE}), so all changes of one user's scores are serialized and what the
 * complete read stays true until it commits: no lost update, and versions grow by one per change of
 * the entry (an operator's change takes a number too, so a user's score events may skip one). The
 * second round trip is one statement that inserts the event (the nonce is UNIQUE, so an action
 * token completes at most once even if Redis is wiped), upserts the score with its version (only if
 * the version is still the one read) and appends the outbox row; the third commits. The event, the
 * score and the outbox row commit together or not at all; a refused complete (replay, cap, frozen
 * user, quota, too fast, rate limit) writes nothing and leaves the token unused.
 *
 * <p>Action limits ({@link dev.livescoreboard.command.score.ActionLimits}) are checked inside the
 * same transaction on the counts read under the user's row lock, so concurrent completes of one
 * user count one after the other and a quota cannot be overrun: {@code max-per-hour} is a rolling
 * 60 minutes, {@code max-per-day} and {@code once-per-day} count the calendar day in UTC (429
 * {@code QUOTA_EXCEEDED} with {@code Retry-After}); {@code min-seconds} compares the token's {@code
 * iat} with the commit time (400 {@code ACTION_TOO_FAST}). A replayed token is reported as 409
 * whatever else is wrong with it. The user's rate limit is the last check ({@link
 * dev.livescoreboard.command.ratelimit.UserRateLimits}), so only a complete that passed every rule
 * above counts against it.
 *
 * <p>Admin adjustments ({@code POST /api/v1/admin/users/{userId}/adjustments}) change a score
 * through the same path as completes ({@link dev.livescoreboard.command.score.ScoreChangeWriter}:
 * event, score, outbox row in one statement) under the user's row lock, on the board's season at
 * the commit time, plus an {@code admin_audit} row, all in one transaction. The event carries the
 * admin's {@code reason} instead of an action type. The result must stay at or above 0 ({@code 409
 * SCORE_BELOW_ZERO}) and a rise may not end above the board's cap ({@code 409 SCORE_CAP_REACHED}; a
 * fall above a cap lowered later is allowed, it only brings the score closer); a refused adjustment
 * writes nothing. Frozen users are refused ({@code 403 USER_FROZEN}: an adjustment would publish a
 * score change for a user hidden from the boards), erased and unknown ones are {@code 404
 * USER_NOT_FOUND}; the status is read under the row lock, so a concurrent freeze (which bumps the
 * same row's version) is either seen or ordered after the adjustment. Every change, up or down,
 * sets {@code reached_at} to the commit time: among equal scores the user who has held the score
 * longest ranks first, and after a fall the user holds the new score only from now on (an
 * adjustment down never lets them overtake someone who already had that score). An {@code
 * Idempotency-Key} (per admin) makes a retried adjustment count once.
 */
package dev.livescoreboard.command.score;
