/**
 * Anomaly flags: a job that finds users whose play is unlike a person's, and the operators' list of
 * what it found ({@code GET /api/v1/admin/flags}, {@code POST .../flags/{id}/resolve}).
 *
 * <p><b>Rules.</b> Every {@code scoreboard.anomaly.interval} the job looks at the action events
 * committed in the last {@code lookback} and flags an active user for
 *
 * <ul>
 *   <li>{@code RATE_PINNED_AT_LIMIT}: in at least {@code consecutive-windows} windows in a row, the
 *       user's completes of one action reached {@code fraction} of the most the action's {@code
 *       max-per-hour} and the user's complete rate limit allow in a window (the tighter of the two,
 *       scaled to the window; actions that allow less than one complete per window are not judged);
 *   <li>{@code COMPLETES_AT_MINIMUM_DURATION}: of at least {@code min-completes} completes of
 *       actions with a {@code min-seconds}, at least {@code fraction} took less than {@code
 *       tolerance} more than that minimum (duration = commit time − the action token's {@code iat},
 *       recorded as {@code score_events.started_at}; {@code iat} has whole seconds, so a duration
 *       reads up to 1 s longer than it was);
 *   <li>{@code POINTS_FAR_ABOVE_POPULATION}: more than {@code multiple-of-median} times the median
 *       points of every user who scored with an action in the lookback, when there are at least
 *       {@code min-population} of them.
 * </ul>
 *
 * Each flag keeps the numbers it was raised on ({@code details}). Admin adjustments are no
 * behaviour and are not judged.
 *
 * <p><b>Guarantees.</b> A user has at most one open flag per reason (a partial unique index; the
 * insert does nothing on conflict), so repeated scans, or two instances, never flag twice. A scan
 * runs in one transaction holding an advisory lock: one scan at a time across instances, and its
 * flags (and, with {@code auto-freeze}, the freezes and their audit rows, actor {@code
 * anomaly-job}) commit together or not at all. After an operator resolves a flag, the same reason
 * only looks at the user's events committed after the resolution: resolving is "fine so far", not
 * "never again". Resolving writes its {@code admin_audit} row in the same transaction; resolving
 * twice is {@code 409 FLAG_ALREADY_RESOLVED}.
 *
 * <p><b>Cost.</b> The rules aggregate in PostgreSQL (a BRIN index on {@code committed_at} finds the
 * range) and return only the users they flag. The job runs on Spring's scheduler thread, never on a
 * request thread. Time comes from the injectable {@link java.time.Clock}.
 */
package dev.livescoreboard.command.anomaly;
