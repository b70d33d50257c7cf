package dev.livescoreboard.command.score;

import dev.livescoreboard.events.ScoreChanged;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the scoring transaction: {@code user_scores} and {@code score_events}. */
@Repository
class ScoreStore {

  /** Name of the unique constraint that makes an action token single-use. */
  static final String NONCE_CONSTRAINT = "uq_score_events_action_nonce";

  private final JdbcClient jdbc;

  ScoreStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Locks the user's score row for the rest of the transaction, creating it (score 0, version 0)
   * first if needed; concurrent changes of the same score therefore run one after another.
   */
  ScoreRecord lock(String board, String season, String userId, Instant now) {
    Optional<ScoreRecord> row = selectForUpdate(board, season, userId);
    if (row.isPresent()) {
      return row.get();
    }
    jdbc.sql(
            """
            INSERT INTO user_scores (board_id, season, user_id, score, version, reached_at, updated_at)
            VALUES (:board, :season, :user, 0, 0, :now, :now)
            ON CONFLICT (board_id, season, user_id) DO NOTHING
            """)
        .param("board", board)
        .param("season", season)
        .param("user", userId)
        .param("now", utc(now))
        .update();
    return selectForUpdate(board, season, userId).orElseThrow();
  }

  private Optional<ScoreRecord> selectForUpdate(String board, String season, String userId) {
    return jdbc.sql(
            """
            SELECT score, version FROM user_scores
            WHERE board_id = :board AND season = :season AND user_id = :user FOR UPDATE
            """)
        .param("board", board)
        .param("season", season)
        .param("user", userId)
        .query((rs, n) -> new ScoreRecord(rs.getLong("score"), rs.getLong("version")))
        .optional();
  }

  boolean nonceUsed(String nonce) {
    return jdbc.sql("SELECT EXISTS (SELECT 1 FROM score_events WHERE action_nonce = :nonce)")
        .param("nonce", nonce)
        .query(Boolean.class)
        .single();
  }

  /**
   * Records the event.
   *
   * @param startedAt when the action was started (its token's {@code iat}), for the anomaly job;
   *     {@code null} for an adjustment
   * @return {@code false} if the nonce was already used (the transaction must then roll back)
   */
  boolean insertEvent(ScoreChanged event, String nonce, Instant startedAt, String metadataJson) {
    try {
      jdbc.sql(
              """
              INSERT INTO score_events (id, board_id, season, user_id, action_type, reason, delta,
                previous_score, new_score, user_version, action_nonce, metadata, reached_at,
                committed_at, started_at)
              VALUES (:id, :board, :season, :user, :actionType, :reason, :delta, :previous, :next,
                :version, :nonce, CAST(:metadata AS jsonb), :reachedAt, :committedAt, :startedAt)
              """)
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
              "startedAt", startedAt == null ? null : utc(startedAt), Types.TIMESTAMP_WITH_TIMEZONE)
          .update();
      return true;
    } catch (DuplicateKeyException e) {
      if (String.valueOf(e.getMessage()).contains(NONCE_CONSTRAINT)) {
        return false;
      }
      throw e;
    }
  }

  void update(String board, String season, String userId, long score, long version, Instant now) {
    jdbc.sql(
            """
            UPDATE user_scores SET score = :score, version = :version, reached_at = :now,
              updated_at = :now
            WHERE board_id = :board AND season = :season AND user_id = :user
            """)
        .param("score", score)
        .param("version", version)
        .param("now", utc(now))
        .param("board", board)
        .param("season", season)
        .param("user", userId)
        .update();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
