package dev.livescoreboard.command.profile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads a user's scores and score events from PostgreSQL (the write model). Thread-safe. */
@Repository
class ProfileQueries {

  private final JdbcClient jdbc;

  ProfileQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<BoardScore> scores(String userId) {
    return jdbc.sql(
            """
            SELECT board_id, season, score, version, reached_at FROM user_scores
            WHERE user_id = :user AND version > 0
            ORDER BY board_id, season
            """)
        .param("user", userId)
        .query(
            (rs, n) ->
                new BoardScore(
                    rs.getString("board_id"),
                    rs.getString("season"),
                    rs.getLong("score"),
                    rs.getLong("version"),
                    instant(rs, "reached_at")))
        .list();
  }

  /**
   * Up to {@code limit} events of the user, newest first, optionally on one board and one season
   * and strictly older than {@code after} (keyset paging: stable while new events arrive).
   */
  List<HistoryItem> history(
      String userId, String board, String season, HistoryCursor after, int limit) {
    StringBuilder sql =
        new StringBuilder(
            """
            SELECT id, board_id, season, action_type, reason, delta, previous_score, new_score,
              user_version, committed_at
            FROM score_events WHERE user_id = :user
            """);
    if (board != null) {
      sql.append(" AND board_id = :board");
    }
    if (season != null) {
      sql.append(" AND season = :season");
    }
    if (after != null) {
      sql.append(" AND (committed_at, id) < (:afterAt, :afterId)");
    }
    sql.append(" ORDER BY committed_at DESC, id DESC LIMIT :limit");
    var statement = jdbc.sql(sql.toString()).param("user", userId).param("limit", limit);
    if (board != null) {
      statement = statement.param("board", board);
    }
    if (season != null) {
      statement = statement.param("season", season);
    }
    if (after != null) {
      statement =
          statement
              .param("afterAt", after.committedAt().atOffset(ZoneOffset.UTC))
              .param("afterId", after.eventId());
    }
    return statement.query(ProfileQueries::item).list();
  }

  private static HistoryItem item(ResultSet rs, int row) throws SQLException {
    return new HistoryItem(
        rs.getObject("id", java.util.UUID.class),
        rs.getString("board_id"),
        rs.getString("season"),
        rs.getString("action_type"),
        rs.getString("reason"),
        rs.getLong("delta"),
        rs.getLong("previous_score"),
        rs.getLong("new_score"),
        rs.getLong("user_version"),
        instant(rs, "committed_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, OffsetDateTime.class).toInstant();
  }
}
