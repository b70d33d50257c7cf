package dev.livescoreboard.projector.rebuild;

import dev.livescoreboard.projector.postgres.ScoredSeasons;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the source of truth (command-api's tables {@code user_scores} and {@code users}); never
 * writes. Who is ranked: users with at least one applied change ({@code version > 0}) whose status
 * is {@code active}; frozen and erased users are left out, as on the public boards.
 */
@Component
class PostgresScores {

  /** Mirrors command-api's {@code User.ANONYMOUS}: the name of users who are not public. */
  static final String ANONYMOUS = "Anonymous";

  private static final String RANKED_USERS =
      """
      SELECT s.user_id, s.score, s.version, s.reached_at, s.updated_at, u.display_name, u.public
      FROM user_scores s JOIN users u ON u.id = s.user_id
      WHERE s.board_id = ? AND s.season = ? AND s.version > 0 AND u.status = 'active'
      """;

  /** DISTINCT by skipping through the primary-key index: one index probe per board+season. */
  private final DataSource dataSource;

  private final ScoredSeasons seasons;
  private final TransactionTemplate readOnly;

  PostgresScores(
      DataSource dataSource, ScoredSeasons seasons, PlatformTransactionManager transactions) {
    this.dataSource = dataSource;
    this.seasons = seasons;
    this.readOnly = new TransactionTemplate(transactions);
    readOnly.setReadOnly(true);
  }

  /** Every board+season that has rows, skipping ids that cannot be Redis keys. */
  List<BoardSeason> boardSeasons() {
    return seasons.list(BoardSeason::new);
  }

  /**
   * Streams the ranked users of {@code board} with a server-side cursor of {@code fetchSize} rows
   * (PostgreSQL only uses a cursor inside a transaction) and returns how many were read. One
   * statement, so one consistent snapshot.
   */
  long streamRankedUsers(BoardSeason board, int fetchSize, Consumer<RankedUser> sink) {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    jdbc.setFetchSize(fetchSize);
    long[] count = {0};
    readOnly.executeWithoutResult(
        status ->
            jdbc.query(
                RANKED_USERS,
                rs -> {
                  sink.accept(rankedUser(rs));
                  count[0]++;
                },
                board.board(),
                board.season()));
    return count[0];
  }

  private static RankedUser rankedUser(ResultSet rs) throws SQLException {
    return new RankedUser(
        rs.getString(1),
        rs.getBoolean(7) ? rs.getString(6) : ANONYMOUS,
        rs.getLong(2),
        rs.getLong(3),
        rs.getTimestamp(4).getTime(),
        rs.getTimestamp(5).toInstant());
  }
}
