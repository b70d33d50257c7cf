package dev.livescoreboard.command.score;

/** A user's score on a board and season, and its version (both 0 before the first change). */
record ScoreRecord(long score, long version) {}
