package dev.livescoreboard.command.anomaly;

import java.util.List;

/**
 * One page of flags, newest first.
 *
 * @param items the flags
 * @param nextCursor pass as {@code cursor} for the next page; {@code null} on the last page
 */
record FlagPage(List<Flag> items, String nextCursor) {}
