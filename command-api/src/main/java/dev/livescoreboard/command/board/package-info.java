/**
 * Boards and their seasons. A board's season is a pure function of its reset schedule and the UTC
 * instant ({@link dev.livescoreboard.command.board.ResetSchedule#seasonAt}), so every instance of
 * the service computes the same season for the same commit time without coordination. Boards are
 * read per request from PostgreSQL (no cache yet), so a board change is seen by the next request.
 */
package dev.livescoreboard.command.board;
