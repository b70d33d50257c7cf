package dev.livescoreboard.command.board;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.livescoreboard.command.problem.ApiException;
import dev.livescoreboard.events.BoardIds;
import dev.livescoreboard.events.ErrorCode;
import java.time.Duration;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads boards from PostgreSQL. Boards are configuration that changes rarely (by migration or an
 * operator), while every start and complete needs one: a found board is kept for {@link #FRESH} (an
 * operator's change shows within that); unknown ids are always looked up. Thread-safe.
 */
@Repository
public class Boards {

  static final Duration FRESH = Duration.ofSeconds(10);

  private final JdbcClient jdbc;
  private final Cache<String, Board> recent =
      Caffeine.newBuilder().maximumSize(1_000).expireAfterWrite(FRESH).build();

  Boards(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Board> find(String id) {
    Board known = recent.getIfPresent(id);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<Board> board = load(id);
    board.ifPresent(b -> recent.put(id, b));
    return board;
  }

  /** Drops this instance's copy of {@code id}, so its next lookup reads the change just made. */
  public void forget(String id) {
    recent.invalidate(id);
  }

  private Optional<Board> load(String id) {
    return jdbc.sql("SELECT id, title, score_cap, top_n, reset_schedule FROM boards WHERE id = :id")
        .param("id", id)
        .query(
            (rs, n) ->
                new Board(
                    rs.getString("id"),
                    rs.getString("title"),
                    rs.getLong("score_cap"),
                    rs.getInt("top_n"),
                    ResetSchedule.fromDb(rs.getString("reset_schedule"))))
        .optional();
  }

  /**
   * The board {@code id}.
   *
   * @throws ApiException {@code VALIDATION_FAILED} for a malformed id, {@code BOARD_NOT_FOUND} for
   *     an unknown one
   */
  public Board require(String id) {
    if (!BoardIds.isValidBoard(id)) {
      throw new ApiException(
          ErrorCode.VALIDATION_FAILED, "board: must match " + BoardIds.BOARD_PATTERN);
    }
    return find(id)
        .orElseThrow(() -> new ApiException(ErrorCode.BOARD_NOT_FOUND, "no board '" + id + "'"));
  }
}
