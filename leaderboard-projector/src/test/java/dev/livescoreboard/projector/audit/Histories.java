package dev.livescoreboard.projector.audit;

import dev.livescoreboard.projector.rebuild.ScoreboardDatabase;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * Writes what command-api's transactions leave behind after a user's actions: one {@code
 * score_events} row per action and the {@code user_scores} row they add up to, all committed at
 * {@link #T0} (long settled).
 */
final class Histories {

  static final Instant T0 = Instant.parse("2026-11-24T10:00:00.123Z");
  static final String SEASON = "all-time";

  private final ScoreboardDatabase db;

  Histories(ScoreboardDatabase db) {
    this.db = db;
  }

  /** The user scored {@code deltas} on {@code board}, one action each, version 1 upwards. */
  long played(String board, String user, long... deltas) {
    long score = 0;
    for (int i = 0; i < deltas.length; i++) {
      Instant at = T0.plusSeconds(i);
      event(board, user, score, score + deltas[i], i + 1, at);
      score += deltas[i];
    }
    Instant reached = T0.plusSeconds(deltas.length - 1);
    db.jdbc.update(
        """
        INSERT INTO user_scores (board_id, season, user_id, score, version, reached_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """,
        board,
        SEASON,
        user,
        score,
        deltas.length,
        Timestamp.from(reached),
        Timestamp.from(T0));
    return score;
  }

  void event(String board, String user, long previous, long next, long version, Instant at) {
    db.jdbc.update(
        """
        INSERT INTO score_events (id, board_id, season, user_id, action_type, delta, previous_score,
          new_score, user_version, action_nonce, reached_at, committed_at)
        VALUES (?, ?, ?, ?, 'COMPLETE_LEVEL', ?, ?, ?, ?, ?, ?, ?)
        """,
        UUID.randomUUID(),
        board,
        SEASON,
        user,
        next - previous,
        previous,
        next,
        version,
        UUID.randomUUID().toString(),
        Timestamp.from(at),
        Timestamp.from(at));
  }

  /**
   * What an operator's freeze or unfreeze commits {@code at}: the user's status, and one more
   * version on each of their score rows (the change every entry's version counts).
   */
  void status(String user, String status, Instant at) {
    db.jdbc.update(
        "UPDATE users SET status = ?, updated_at = ? WHERE id = ?",
        status,
        Timestamp.from(at),
        user);
    db.jdbc.update(
        "UPDATE user_scores SET version = version + 1, updated_at = ? WHERE user_id = ?",
        Timestamp.from(at),
        user);
  }

  /** Users as the seed writes them: created at {@link #T0}. */
  void user(String id, String name, boolean isPublic) {
    db.user(id, name, "active", isPublic);
    db.jdbc.update("UPDATE users SET updated_at = ? WHERE id = ?", Timestamp.from(T0), id);
  }

  /** An outbox row not yet published, created {@code at}. */
  long unpublishedOutboxRow(Instant at) {
    return db.jdbc.queryForObject(
        """
        INSERT INTO outbox (aggregatetype, aggregateid, type, payload, created_at)
        VALUES ('score', 'audit:test', 'SCORE_CHANGED', '{}', ?) RETURNING id
        """,
        Long.class,
        Timestamp.from(at));
  }

  void published(long outboxId) {
    db.jdbc.update("UPDATE outbox SET published_at = now() WHERE id = ?", outboxId);
  }
}
