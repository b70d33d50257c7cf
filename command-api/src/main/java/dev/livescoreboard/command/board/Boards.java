package dev.livescoreboard.command.board;

import dev.livescoreboard.command.problem.ApiException;
import dev.livescoreboard.command.problem.ErrorCode;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads boards from PostgreSQL. Thread-safe. */
@Repository
public class Boards {

  private final JdbcClient jdbc;

  Boards(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Board> find(String id) {
    return jdbc.sql(
            "SELECT id, title, score_cap, top_n, reset_schedule FROM boards WHERE id = :id")
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
    if (!Board.isValidId(id)) {
      throw new ApiException(ErrorCode.VALIDATION_FAILED, "board: must match " + Board.ID_REGEX);
    }
    return find(id)
        .orElseThrow(() -> new ApiException(ErrorCode.BOARD_NOT_FOUND, "no board '" + id + "'"));
  }
}
