/**
 * Boards and their schedules. The period a schedule puts an instant in is a pure function of the
 * reset schedule and the UTC instant ({@link
 * dev.livescoreboard.command.board.ResetSchedule#seasonAt}), so every instance computes the same
 * one; which season a board is actually in (a forced reset adds {@code -r2}, …) is recorded by the
 * {@code season} package. Boards are configuration that changes rarely, read from PostgreSQL and
 * kept per instance for 10 s after a lookup found them (at most 1,000), so a change to a board (by
 * migration or an operator) shows within 10 s; an unknown id is looked up on every request, so a
 * new board is seen by the next one.
 */
package dev.livescoreboard.command.board;
