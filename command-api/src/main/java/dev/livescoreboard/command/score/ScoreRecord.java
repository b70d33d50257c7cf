package dev.livescoreboard.command.score;

/** A user's locked score row: current score and version (0 before the first change). */
record ScoreRecord(long score, long version) {}
