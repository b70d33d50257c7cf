package dev.livescoreboard.bench.ceiling;

import dev.livescoreboard.events.BoardIds;
import dev.livescoreboard.events.EventJson;
import dev.livescoreboard.events.EventKeys;
import dev.livescoreboard.events.ScoreChanged;
import dev.livescoreboard.events.Seasons;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The statements of command-api's completing transaction ({@code SeasonRollover.currentSeason},
 * {@code Users.lockActive}, {@code ScoreStore.lock/insertEvent/update}, {@code Outbox.append}) on
 * one JDBC connection, in the {@link CeilingSchema} copy. Not thread-safe: one per worker thread.
 */
final class WriteTransaction implements AutoCloseable {

  private static final String S = CeilingSchema.SCHEMA + ".";
  private static final String BOARD = BoardIds.DEFAULT_BOARD;
  private static final String SEASON = Seasons.ALL_TIME;
  private static final long POINTS = 10;

  private final Connection c;
  private final PreparedStatement currentSeason;
  private final PreparedStatement findUser;
  private final PreparedStatement lock;
  private final PreparedStatement insertScore;
  private final PreparedStatement insertEvent;
  private final PreparedStatement updateScore;
  private final PreparedStatement appendOutbox;

  WriteTransaction(Connection c) throws SQLException {
    this.c = c;
    c.setAutoCommit(false);
    currentSeason =
        c.prepareStatement(
            "SELECT season FROM " + S + "seasons WHERE board_id = ? AND ended_at IS NULL");
    findUser =
        c.prepareStatement(
            "SELECT id, display_name, status, public FROM "
                + S
                + "users WHERE id = ? FOR KEY SHARE");
    lock =
        c.prepareStatement(
            "SELECT score, version FROM "
                + S
                + "user_scores"
                + " WHERE board_id = ? AND season = ? AND user_id = ? FOR UPDATE");
    insertScore =
        c.prepareStatement(
            "INSERT INTO "
                + S
                + "user_scores (board_id, season, user_id, score, version, reached_at, updated_at)"
                + " VALUES (?, ?, ?, 0, 0, ?, ?) ON CONFLICT (board_id, season, user_id) DO NOTHING");
    insertEvent =
        c.prepareStatement(
            "INSERT INTO "
                + S
                + "score_events (id, board_id, season, user_id, action_type, reason, delta,"
                + " previous_score, new_score, user_version, action_nonce, metadata, reached_at, committed_at,"
                + " started_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?)");
    updateScore =
        c.prepareStatement(
            "UPDATE "
                + S
                + "user_scores SET score = ?, version = ?, reached_at = ?, updated_at = ?"
                + " WHERE board_id = ? AND season = ? AND user_id = ?");
    appendOutbox =
        c.prepareStatement(
            "INSERT INTO "
                + S
                + "outbox (aggregatetype, aggregateid, type, payload, traceparent)"
                + " VALUES (?, ?, ?, ?, ?)");
  }

  /** One completed action of {@code userId}, committed. */
  void run(String userId) throws SQLException {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    Timestamp ts = Timestamp.from(now);
    currentSeason.setString(1, BOARD);
    try (ResultSet rs = currentSeason.executeQuery()) {
      rs.next();
    }
    findUser.setString(1, userId);
    try (ResultSet rs = findUser.executeQuery()) {
      rs.next();
    }
    long[] current = lockRow(userId);
    if (current == null) {
      insertScore.setString(1, BOARD);
      insertScore.setString(2, SEASON);
      insertScore.setString(3, userId);
      insertScore.setTimestamp(4, ts);
      insertScore.setTimestamp(5, ts);
      insertScore.executeUpdate();
      current = lockRow(userId);
    }
    long newScore = current[0] + POINTS;
    long version = current[1] + 1;
    ScoreChanged event =
        ScoreChanged.forAction(
            UUID.randomUUID(),
            BOARD,
            SEASON,
            userId,
            "Ceiling",
            "COMPLETE_LEVEL",
            current[0],
            newScore,
            version,
            now,
            now);
    insertEvent.setObject(1, event.eventId());
    insertEvent.setString(2, BOARD);
    insertEvent.setString(3, SEASON);
    insertEvent.setString(4, userId);
    insertEvent.setString(5, event.actionType());
    insertEvent.setString(6, null);
    insertEvent.setLong(7, event.delta());
    insertEvent.setLong(8, current[0]);
    insertEvent.setLong(9, newScore);
    insertEvent.setLong(10, version);
    insertEvent.setString(11, UUID.randomUUID().toString());
    insertEvent.setString(12, null);
    insertEvent.setTimestamp(13, ts);
    insertEvent.setTimestamp(14, ts);
    insertEvent.setTimestamp(15, ts);
    insertEvent.executeUpdate();
    updateScore.setLong(1, newScore);
    updateScore.setLong(2, version);
    updateScore.setTimestamp(3, ts);
    updateScore.setTimestamp(4, ts);
    updateScore.setString(5, BOARD);
    updateScore.setString(6, SEASON);
    updateScore.setString(7, userId);
    updateScore.executeUpdate();
    appendOutbox.setString(1, "score");
    appendOutbox.setString(2, EventKeys.scoreEvent(BOARD, userId));
    appendOutbox.setString(3, ScoreChanged.TYPE);
    appendOutbox.setString(4, EventJson.toJson(event));
    appendOutbox.setString(
        5, "00-" + event.eventId().toString().replace("-", "") + "-0000000000000001-01");
    appendOutbox.executeUpdate();
    c.commit();
  }

  private long[] lockRow(String userId) throws SQLException {
    lock.setString(1, BOARD);
    lock.setString(2, SEASON);
    lock.setString(3, userId);
    try (ResultSet rs = lock.executeQuery()) {
      return rs.next() ? new long[] {rs.getLong(1), rs.getLong(2)} : null;
    }
  }

  @Override
  public void close() throws SQLException {
    c.close();
  }
}
