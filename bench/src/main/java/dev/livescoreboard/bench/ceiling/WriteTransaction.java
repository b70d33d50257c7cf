package dev.livescoreboard.bench.ceiling;

import dev.livescoreboard.events.BoardIds;
import dev.livescoreboard.events.EventJson;
import dev.livescoreboard.events.EventKeys;
import dev.livescoreboard.events.ScoreChanged;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * command-api's completing transaction ({@code ScoreStore.lockForComplete} and {@code
 * ScoreStore.write}, with {@code Users.LOCK_FOR_SCORE_CHANGE} and {@code Outbox.appendFrom}) on one
 * JDBC connection, in the {@link CeilingSchema} copy: three round trips, the user's row lock and
 * the reads (season, score, nonce, the hourly quota's count of {@code COMPLETE_LEVEL}) in one,
 * event, score and outbox row in one statement, then the commit. Not thread-safe: one per worker
 * thread.
 */
final class WriteTransaction implements AutoCloseable {

  private static final String S = CeilingSchema.SCHEMA + ".";
  private static final String BOARD = BoardIds.DEFAULT_BOARD;
  private static final String ACTION = "COMPLETE_LEVEL";
  private static final long POINTS = 10;

  private static final String LOCK_AND_READ =
      ("SELECT id, display_name, status, public FROM %1$susers WHERE id = ? FOR NO KEY UPDATE;\n"
              + "SELECT cur.season, s.score, s.version,"
              + " EXISTS (SELECT 1 FROM %1$sscore_events WHERE action_nonce = ?) AS nonce_used,"
              + " quota.in_last_hour, quota.since_day_start"
              + " FROM (VALUES (1)) AS one"
              + " LEFT JOIN %1$sseasons cur ON cur.board_id = ? AND cur.ended_at IS NULL"
              + " LEFT JOIN %1$suser_scores s"
              + " ON s.board_id = ? AND s.season = cur.season AND s.user_id = ?"
              + " CROSS JOIN LATERAL ("
              + " SELECT count(*) FILTER (WHERE committed_at > ?) AS in_last_hour,"
              + " count(*) FILTER (WHERE committed_at > ?) AS since_day_start"
              + " FROM %1$sscore_events"
              + " WHERE ? AND user_id = ? AND action_type = ? AND committed_at > LEAST(?, ?))"
              + " AS quota")
          .formatted(S);

  private static final String WRITE =
      ("WITH event AS ("
              + " INSERT INTO %1$sscore_events (id, board_id, season, user_id, action_type, reason,"
              + " delta, previous_score, new_score, user_version, action_nonce, metadata,"
              + " reached_at, committed_at, started_at)"
              + " VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, NULL, ?, ?, ?)),"
              + " score AS ("
              + " INSERT INTO %1$suser_scores AS s (board_id, season, user_id, score, version,"
              + " reached_at, updated_at)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?)"
              + " ON CONFLICT (board_id, season, user_id) DO UPDATE"
              + " SET score = EXCLUDED.score, version = EXCLUDED.version,"
              + " reached_at = EXCLUDED.reached_at, updated_at = EXCLUDED.updated_at"
              + " WHERE s.version = EXCLUDED.version - 1"
              + " RETURNING 1)"
              + " INSERT INTO %1$soutbox (aggregatetype, aggregateid, type, payload, traceparent,"
              + " created_at)"
              + " SELECT ?, ?, ?, ?, ?, clock_timestamp() FROM score")
          .formatted(S);

  private final Connection c;
  private final PreparedStatement lockAndRead;
  private final PreparedStatement write;

  WriteTransaction(Connection c) throws SQLException {
    this.c = c;
    c.setAutoCommit(false);
    lockAndRead = c.prepareStatement(LOCK_AND_READ);
    write = c.prepareStatement(WRITE);
  }

  /** One completed action of {@code userId}, committed (or rolled back and thrown). */
  void run(String userId) throws SQLException {
    try {
      complete(userId);
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    }
  }

  private void complete(String userId) throws SQLException {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    // Typed as timestamptz, as command-api binds them: an untyped java.sql.Timestamp leaves
    // LEAST(?, ?) two unknowns, which PostgreSQL resolves to text, and every transaction failed.
    OffsetDateTime ts = now.atOffset(ZoneOffset.UTC);
    String nonce = UUID.randomUUID().toString();
    OffsetDateTime hourAgo = ts.minusHours(1);
    OffsetDateTime dayStart = ts.truncatedTo(ChronoUnit.DAYS).minusNanos(1000);
    int p = 1;
    lockAndRead.setString(p++, userId);
    lockAndRead.setString(p++, nonce);
    lockAndRead.setString(p++, BOARD);
    lockAndRead.setString(p++, BOARD);
    lockAndRead.setString(p++, userId);
    lockAndRead.setObject(p++, hourAgo);
    lockAndRead.setObject(p++, dayStart);
    lockAndRead.setBoolean(p++, true);
    lockAndRead.setString(p++, userId);
    lockAndRead.setString(p++, ACTION);
    lockAndRead.setObject(p++, hourAgo);
    lockAndRead.setObject(p, dayStart);
    lockAndRead.execute();
    lockAndRead.getResultSet().close();
    lockAndRead.getMoreResults();
    String season;
    long score;
    long version;
    try (ResultSet rs = lockAndRead.getResultSet()) {
      rs.next();
      season = rs.getString("season");
      score = rs.getLong("score");
      version = rs.getLong("version");
    }
    ScoreChanged event =
        ScoreChanged.forAction(
            UUID.randomUUID(),
            BOARD,
            season,
            userId,
            "Ceiling",
            ACTION,
            score,
            score + POINTS,
            version + 1,
            now,
            now);
    p = 1;
    write.setObject(p++, event.eventId());
    write.setString(p++, BOARD);
    write.setString(p++, season);
    write.setString(p++, userId);
    write.setString(p++, ACTION);
    write.setLong(p++, event.delta());
    write.setLong(p++, score);
    write.setLong(p++, event.newScore());
    write.setLong(p++, event.userVersion());
    write.setString(p++, nonce);
    write.setObject(p++, ts);
    write.setObject(p++, ts);
    write.setObject(p++, ts);
    write.setString(p++, BOARD);
    write.setString(p++, season);
    write.setString(p++, userId);
    write.setLong(p++, event.newScore());
    write.setLong(p++, event.userVersion());
    write.setObject(p++, ts);
    write.setObject(p++, ts);
    write.setString(p++, "score");
    write.setString(p++, EventKeys.scoreEvent(BOARD, userId));
    write.setString(p++, ScoreChanged.TYPE);
    write.setString(p++, EventJson.toJson(event));
    write.setString(
        p, "00-" + event.eventId().toString().replace("-", "") + "-0000000000000001-01");
    if (write.executeUpdate() != 1) {
      throw new SQLException("the score row of " + userId + " changed under its user's lock");
    }
    c.commit();
  }

  @Override
  public void close() throws SQLException {
    c.close();
  }
}
