package dev.livescoreboard.command.profile;

import java.util.List;

/**
 * Response of {@code GET /api/v1/users/me/history}: one page, newest first.
 *
 * @param items up to {@code limit} score changes
 * @param nextCursor pass as {@code cursor} for the next (older) page; {@code null} on the last page
 */
record ScoreHistory(List<HistoryItem> items, String nextCursor) {}
