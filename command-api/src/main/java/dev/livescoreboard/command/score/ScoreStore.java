package dev.livescoreboard.command.score;

import dev.livescoreboard.command.outbox.Outbox;
import dev.livescoreboard.command.outbox.OutboxMessage;
import dev.livescoreboard.command.user.User;
import dev.livescoreboard.command.user.Users;
import dev.livescoreboard.events.ScoreChanged;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of the scoring transaction: {@code user_scores} and {@code score_events}. A complete is three
 * round trips to PostgreSQL: {@link #lockForComplete} (the user's row lock and every read the
 * checks need), {@link #write} (event, score and outbox row in one statement), and the commit.
 */
@Repository
class ScoreStore {

  /** Name of the unique constraint that makes an action token single-use. */
  static final String NONCE_CONSTRAINT = "uq_score_events_action_nonce";

  /**
   * Two statements sent in one round trip. The first locks the user's row. The second runs after
   * it, so in READ COMMITTED its snapshot is taken once the lock is granted and it sees every score
   * change of the user committed before (a single statement that waited for the lock would read the
   * other tables as they were before the wait): the board's current season, the user's score there
   * (no row yet: score 0, version 0), whether the token's nonce was used, and the user's completes
   * of the action type in the quota windows (counted only when {@code :countQuota}).
   */
  private static final String LOCK_AND_READ =
      Users.LOCK_FOR_SCORE_CHANGE
          + ";\n"
          + """
          SELECT cur.season, s.score, s.version,
            EXISTS (SELECT 1 FROM score_events WHERE action_nonce = :nonce) AS nonce_used,
            quota.in_last_hour, quota.since_day_start
          FROM (VALUES (1)) AS one
          LEFT JOIN seasons cur ON cur.board_id = :board AND cur.ended_at IS NULL
          LEFT JOIN user_scores s
            ON s.board_id = :board AND s.season = cur.season AND s.user_id = :user
          CROSS JOIN LATERAL (
            SELECT count(*) FILTER (WHERE committed_at > :hourAgo) AS in_last_hour,
              count(*) FILTER (WHERE committed_at > :dayStart) AS since_day_start
            FROM score_events
            WHERE :countQuota AND user_id = :user AND action_type = :actionType
              AND committed_at > LEAST(:hourAgo, :dayStart)) AS quota
          """;

  /**
   * One statement: the event (its nonce UNIQUE), the new score with its version and reach time (the
   * row created on the first change of this board and season), then the outbox row. The score is
   * written only if its version is still the one read under the user's row lock, and the outbox row
   * only if the score was written, so the statement reports 1 row or nothing happened.
   */
  private static final String WRITE =
      """
      WITH event AS (
        INSERT INTO score_events (id, board_id, season, user_id, action_type, reason, delta,
          previous_score, new_score, user_version, action_nonce, metadata, reached_at,
          committed_at, started_at)
        VALUES (:id, :board, :season, :user, :actionType, :reason, :delta, :previous, :next,
          :version, :nonce, CAST(:metadata AS jsonb), :reachedAt, :committedAt, :startedAt)),
      score AS (
        INSERT INTO user_scores AS s (board_id, season, user_id, score, version, reached_at,
          updated_at)
        VALUES (:board, :season, :user, :next, :version, :reachedAt, :reachedAt)
        ON CONFLICT (board_id, season, user_id) DO UPDATE
          SET score = EXCLUDED.score, version = EXCLUDED.version,
            reached_at = EXCLUDED.reached_at, updated_at = EXCLUDED.updated_at
          WHERE s.version = EXCLUDED.version - 1
        RETURNING 1)
      """
          + Outbox.appendFrom("score");

  private final JdbcClient jdbc;
  private final NamedParameterJdbcOperations statements;
  private final Outbox outbox;

  ScoreStore(JdbcClient jdbc, NamedParameterJdbcOperations statements, Outbox outbox) {
    this.jdbc = jdbc;
    this.statements = statements;
    this.outbox = outbox;
  }

  /**
   * What a complete decides on: see {@link #LOCK_AND_READ}. Call first in the transaction.
   *
   * @param quota the windows to count the user's completes of {@code actionType} in, or {@code
   *     null} when the action has no quota
   */
  CompleteState lockForComplete(
      String board, String userId, String nonce, String actionType, ActionLimits.Windows quota) {
    MapSqlParameterSource params =
        new MapSqlParameterSource()
            .addValue("user", userId)
            .addValue("board", board)
            .addValue("nonce", nonce)
            .addValue("actionType", actionType)
            .addValue("countQuota", quota != null)
            .addValue("hourAgo", utc(quota == null ? Instant.EPOCH : quota.hourAgo()))
            .addValue("dayStart", utc(quota == null ? Instant.EPOCH : quota.dayStart()));
    return statements.execute(LOCK_AND_READ, params, ScoreStore::readCompleteState);
  }

  private static CompleteState readCompleteState(PreparedStatement ps) throws SQLException {
    ps.execute();
    Optional<User> user;
    try (ResultSet rs = ps.getResultSet()) {
      user = rs.next() ? Optional.of(Users.read(rs)) : Optional.empty();
    }
    ps.getMoreResults();
    try (ResultSet rs = ps.getResultSet()) {
      rs.next();
      return new CompleteState(
          user,
          rs.getString("season"),
          new ScoreRecord(rs.getLong("score"), rs.getLong("version")),
          rs.getBoolean("nonce_used"),
          new ActionLimits.Counts(rs.getLong("in_last_hour"), rs.getLong("since_day_start")));
    }
  }

  /**
   * The user's score on {@code board} and {@code season} (score 0, version 0 before the first
   * change). The caller holds the user's row lock, so it stays the latest until it commits.
   */
  ScoreRecord current(String board, String season, String userId) {
    return jdbc.sql(
            """
            SELECT score, version FROM user_scores
            WHERE board_id = :board AND season = :season AND user_id = :user
            """)
        .param("board", board)
        .param("season", season)
        .param("user", userId)
        .query((rs, n) -> new ScoreRecord(rs.getLong("score"), rs.getLong("version")))
        .optional()
        .orElse(new ScoreRecord(0, 0));
  }

  /**
   * Records {@code event}: see {@link #WRITE}. The caller holds the user's row lock.
   *
   * @param nonce the action token's nonce, {@code null} for an adjustment
   * @param startedAt when the action was started (its token's {@code iat}), for the anomaly job;
   *     {@code null} for an adjustment
   * @return {@code false} if the nonce was already used (the transaction must then roll back)
   */
  boolean write(
      ScoreChanged event,
      String nonce,
      Instant startedAt,
      String metadataJson,
      OutboxMessage message) {
    int appended;
    try {
      appended =
          outbox
              .appending(jdbc.sql(WRITE), message)
              .param("id", event.eventId())
              .param("board", event.board())
              .param("season", event.season())
              .param("user", event.userId())
              .param("actionType", event.actionType())
              .param("reason", event.reason())
              .param("delta", event.delta())
              .param("previous", event.previousScore())
              .param("next", event.newScore())
              .param("version", event.userVersion())
              .param("nonce", nonce)
              .param("metadata", metadataJson)
              .param("reachedAt", utc(event.reachedAt()))
              .param("committedAt", utc(event.committedAt()))
              // null for an adjustment, typed so PostgreSQL need not guess
              .param(
                  "startedAt",
                  startedAt == null ? null : utc(startedAt),
                  Types.TIMESTAMP_WITH_TIMEZONE)
              .update();
    } catch (DuplicateKeyException e) {
      if (String.valueOf(e.getMessage()).contains(NONCE_CONSTRAINT)) {
        return false;
      }
      throw e;
    }
    if (appended != 1) {
      throw new IllegalStateException(
          "the score of " + event.userId() + " changed although the user's row was locked");
    }
    return true;
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
