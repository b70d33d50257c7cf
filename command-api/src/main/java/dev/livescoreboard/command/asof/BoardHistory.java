package dev.livescoreboard.command.asof;

import dev.livescoreboard.command.user.User;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads a board's standings at a past instant from {@code score_events}. Thread-safe. */
@Repository
class BoardHistory {

  /**
   * Per user, the newest event (highest {@code user_version}) committed at or before {@code :at}.
   * By version, not by {@code committed_at}: two concurrent completes of one user may take their
   * commit times out of order, while versions are the order the changes were applied in. One pass
   * over the board and season's entries of {@code ix_score_events_standings} (index-only, already
   * in {@code user_id, user_version DESC} order, so DISTINCT ON needs no sort); only the per-user
   * standings are sorted, as a top-N heap. Only users who are active now are ranked; the order is
   * the live one (score, reach time to the millisecond as Redis keeps it, then userId by bytes).
   */
  static final String STANDINGS =
      """
      WITH standings AS (
        SELECT DISTINCT ON (e.user_id) e.user_id, e.new_score, e.reached_at
        FROM score_events e
        WHERE e.board_id = :board AND e.season = :season AND e.committed_at <= :at
        ORDER BY e.user_id, e.user_version DESC
      )
      SELECT s.user_id, s.new_score, s.reached_at, u.display_name, u.public,
        count(*) OVER () AS total
      FROM standings s JOIN users u ON u.id = s.user_id
      WHERE u.status = 'active'
      ORDER BY s.new_score DESC, date_trunc('milliseconds', s.reached_at),
        s.user_id COLLATE "C"
      LIMIT :limit
      """;

  private final JdbcClient jdbc;

  BoardHistory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The first {@code limit} standings of {@code board}'s {@code season} at {@code at}. */
  Standings standingsAt(String board, String season, Instant at, int limit) {
    long[] total = {0};
    List<AsOfEntry> entries = new ArrayList<>();
    jdbc.sql(STANDINGS)
        .param("board", board)
        .param("season", season)
        .param("at", at.atOffset(ZoneOffset.UTC))
        .param("limit", limit)
        .query(
            (ResultSet rs) -> {
              total[0] = rs.getLong("total");
              entries.add(entry(rs, entries.size() + 1));
            });
    return new Standings(List.copyOf(entries), total[0]);
  }

  private static AsOfEntry entry(ResultSet rs, long rank) throws SQLException {
    return new AsOfEntry(
        rank,
        rs.getString("user_id"),
        rs.getBoolean("public") ? rs.getString("display_name") : User.ANONYMOUS,
        rs.getLong("new_score"),
        rs.getObject("reached_at", OffsetDateTime.class).toInstant());
  }

  /** The top entries and how many users were ranked in all. */
  record Standings(List<AsOfEntry> entries, long totalUsers) {}
}
