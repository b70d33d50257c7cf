package dev.livescoreboard.projector.audit;

import dev.livescoreboard.events.Seasons;
import dev.livescoreboard.projector.postgres.ScoredSeasons;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit's reads of command-api's tables; never writes. One streaming statement per
 * board+season, so the score rows and the event aggregate come from one snapshot.
 */
@Component
class PostgresAudit {

  /** Mirrors command-api's {@code User.ANONYMOUS}, as the rebuild does. */
  static final String ANONYMOUS = "Anonymous";

  /**
   * Score rows FULL JOIN the per-user event aggregate: a user with events but no score row is
   * audited too. Both sides are one index range of the board+season.
   */
  private static final String USERS =
      """
      WITH s AS (
        SELECT user_id, score, version, reached_at, updated_at FROM user_scores
        WHERE board_id = ? AND season = ?
      ), e AS (
        SELECT user_id, count(*) AS n, sum(delta) AS total,
               (array_agg(new_score ORDER BY user_version DESC))[1] AS newest
        FROM score_events WHERE board_id = ? AND season = ? GROUP BY user_id
      )
      SELECT COALESCE(s.user_id, e.user_id), s.user_id IS NOT NULL, s.score, s.version,
             s.reached_at, GREATEST(s.updated_at, u.updated_at), u.status, u.display_name,
             u.public, e.n, e.total, e.newest
      FROM s FULL JOIN e ON e.user_id = s.user_id
      JOIN users u ON u.id = COALESCE(s.user_id, e.user_id)
      """;

  private static final String SOME_USERS =
      """
      SELECT u.id, s.user_id IS NOT NULL, s.score, s.version, s.reached_at,
             GREATEST(s.updated_at, u.updated_at), u.status, u.display_name, u.public,
             0, 0, 0
      FROM users u LEFT JOIN user_scores s
        ON s.user_id = u.id AND s.board_id = ? AND s.season = ?
      WHERE u.id = ANY (?)
      """;

  /** DISTINCT by skipping through the primary-key index: one probe per board+season. */
  private static final String BOARDS = "SELECT id, reset_schedule FROM boards";

  private static final String OUTBOX =
      """
      SELECT count(*), min(created_at), count(*) FILTER (WHERE created_at < ?)
      FROM outbox WHERE published_at IS NULL
      """;

  private final DataSource dataSource;
  private final ScoredSeasons seasons;
  private final TransactionTemplate readOnly;

  PostgresAudit(
      DataSource dataSource, ScoredSeasons seasons, PlatformTransactionManager transactions) {
    this.dataSource = dataSource;
    this.seasons = seasons;
    this.readOnly = new TransactionTemplate(transactions);
    readOnly.setReadOnly(true);
  }

  /** Every board+season with score rows, skipping ids that cannot be Redis keys. */
  List<AuditedBoard> scoredSeasons() {
    return seasons.list(AuditedBoard::new);
  }

  /**
   * Every board of the {@code boards} table in its season at {@code at} by its schedule, so the
   * report lists every board, also one nobody has scored on yet.
   */
  List<AuditedBoard> currentSeasons(Instant at) {
    List<AuditedBoard> result = new ArrayList<>();
    new JdbcTemplate(dataSource)
        .query(
            BOARDS,
            rs -> {
              try {
                result.add(new AuditedBoard(rs.getString(1), Seasons.current(rs.getString(2), at)));
              } catch (IllegalArgumentException ignored) {
                // the table's CHECK constraints make this unreachable
              }
            });
    return result;
  }

  /** Streams every user with a score row or an event on {@code board}, with a cursor. */
  void streamUsers(AuditedBoard board, int fetchSize, Consumer<AuditedUser> sink) {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    jdbc.setFetchSize(fetchSize);
    String b = board.board();
    String s = board.season();
    // PostgreSQL only streams with a cursor inside a transaction.
    readOnly.executeWithoutResult(
        status -> {
          RowCallbackHandler each = rs -> sink.accept(user(rs));
          jdbc.query(USERS, each, b, s, b, s);
        });
  }

  /** The users of {@code ids} as {@code board} must show them (no event aggregate). */
  Map<String, AuditedUser> users(AuditedBoard board, Collection<String> ids) {
    Map<String, AuditedUser> found = new HashMap<>();
    new JdbcTemplate(dataSource)
        .query(
            (Connection connection) -> {
              var statement = connection.prepareStatement(SOME_USERS);
              statement.setString(1, board.board());
              statement.setString(2, board.season());
              Array array = connection.createArrayOf("varchar", ids.toArray());
              statement.setArray(3, array);
              return statement;
            },
            rs -> {
              AuditedUser user = user(rs);
              found.put(user.userId(), user);
            });
    return found;
  }

  OutboxAudit outbox(Instant now, Instant staleBefore) {
    return new JdbcTemplate(dataSource)
        .query(
            OUTBOX,
            rs -> {
              rs.next();
              Timestamp oldest = rs.getTimestamp(2);
              long age =
                  oldest == null
                      ? 0
                      : Math.max(0, now.getEpochSecond() - oldest.toInstant().getEpochSecond());
              return new OutboxAudit(rs.getLong(1), age, rs.getLong(3));
            },
            staleBefore.atOffset(ZoneOffset.UTC));
  }

  private static AuditedUser user(ResultSet rs) throws SQLException {
    boolean hasRow = rs.getBoolean(2);
    Timestamp reachedAt = rs.getTimestamp(5);
    return new AuditedUser(
        rs.getString(1),
        hasRow,
        rs.getLong(3),
        rs.getLong(4),
        reachedAt == null ? 0 : reachedAt.getTime(),
        rs.getString(7),
        rs.getBoolean(9) ? rs.getString(8) : ANONYMOUS,
        rs.getTimestamp(6).toInstant(),
        rs.getLong(10),
        rs.getLong(11),
        rs.getLong(12));
  }
}
