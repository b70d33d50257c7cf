/**
 * Seasons of boards: the {@code seasons} table is the truth about which season a board is in, and
 * this package is the one place that changes it ({@link
 * dev.livescoreboard.command.season.SeasonRollover}).
 *
 * <p><b>Eager rollover.</b> A job on every instance ({@code scoreboard.seasons.rollover-interval},
 * 1 s) starts the new season of each board whose reset schedule (daily, ISO week, month; UTC, via
 * {@link dev.livescoreboard.events.Seasons}) has passed a boundary, whether or not anyone scores,
 * so readers and live clients switch within about a second plus the pipeline's latency. A complete
 * that arrives after the boundary before the job did runs the same rollover in its own transaction
 * first, so a score never lands in a season nobody announced. A new season starts only if it starts
 * after the current one ({@link dev.livescoreboard.events.Seasons#scheduledAfter}): a board
 * switched from daily to monthly mid-month keeps its day's season until the next month.
 *
 * <p><b>Forced reset.</b> {@code POST /api/v1/admin/boards/{id}/reset} starts the next season of
 * the current period at once ({@code 2026-12-03-r2}, {@code -r3}, …; {@code all-time-r2} on a board
 * that never resets), audited with the operator and their reason.
 *
 * <p><b>Guarantees.</b>
 *
 * <ul>
 *   <li>One transaction per season change: the board's season lock is taken (a transaction-scoped
 *       advisory lock, so several instances and a concurrent complete start each season once,
 *       without locking the board row), the current season is read again under the lock, gets its
 *       {@code ended_at}, the new one is inserted with {@code started_at} at the same instant, and
 *       its {@code SEASON_STARTED} (key {@code {board}}) is appended to the outbox. Nothing reaches
 *       Kafka for a rolled-back change; every committed one does.
 *   <li>A board has at most one current season (a partial unique index), and each new season starts
 *       after the previous one by {@link dev.livescoreboard.events.Seasons#order}, never by string.
 *   <li>A complete reads the current season without locking it, so one committing while a rollover
 *       commits may still land in the season that just ended (an announced one, a few milliseconds
 *       after its end): locking the season row against every complete would stall the rollover
 *       behind a busy board's stream of completes.
 * </ul>
 *
 * <p>Never: a season change without its event, or Redis written from here.
 */
package dev.livescoreboard.command.season;
