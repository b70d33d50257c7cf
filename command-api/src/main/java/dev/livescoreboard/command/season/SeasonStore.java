package dev.livescoreboard.command.season;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the {@code seasons} table. */
@Repository
class SeasonStore {

  /** A board, its schedule and its current season ({@code null} before its first). */
  record BoardSeason(String board, String resetSchedule, String currentSeason) {}

  private final JdbcClient jdbc;

  SeasonStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The board's current season: its one season without an end. */
  Optional<String> current(String board) {
    return jdbc.sql("SELECT season FROM seasons WHERE board_id = :board AND ended_at IS NULL")
        .param("board", board)
        .query(String.class)
        .optional();
  }

  /** The season of {@code board} that had started by {@code at}: the newest one started then. */
  Optional<String> startedBy(String board, Instant at) {
    return jdbc.sql(
            """
            SELECT season FROM seasons WHERE board_id = :board AND started_at <= :at
            ORDER BY started_at DESC LIMIT 1
            """)
        .param("board", board)
        .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
        .query(String.class)
        .optional();
  }

  /**
   * Takes the board's season lock until the transaction ends, so season changes of one board run
   * one after another on every instance, and returns its reset schedule (empty for an unknown
   * board). A transaction-scoped advisory lock rather than a lock of the board's row: row locks
   * would make the startup announcement ({@code FOR UPDATE SKIP LOCKED}) skip a board the job
   * holds, and would wait for the key-share locks concurrent completes take through their foreign
   * keys.
   */
  Optional<String> lockBoard(String board) {
    jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
        .param("key", "season:" + board)
        .query((rs, n) -> 1)
        .single();
    return jdbc.sql("SELECT reset_schedule FROM boards WHERE id = :board")
        .param("board", board)
        .query(String.class)
        .optional();
  }

  /** Every board with its schedule and current season. */
  List<BoardSeason> boards() {
    return jdbc.sql(
            """
            SELECT b.id, b.reset_schedule, s.season FROM boards b
            LEFT JOIN seasons s ON s.board_id = b.id AND s.ended_at IS NULL
            """)
        .query(
            (rs, n) ->
                new BoardSeason(
                    rs.getString("id"), rs.getString("reset_schedule"), rs.getString("season")))
        .list();
  }

  /** Ends {@code current} at {@code at} and starts {@code next} then, for {@code reason}. */
  void advance(String board, String current, String next, String reason, Instant at) {
    if (current != null) {
      jdbc.sql(
              """
              UPDATE seasons SET ended_at = :at
              WHERE board_id = :board AND season = :season AND ended_at IS NULL
              """)
          .param("at", utc(at))
          .param("board", board)
          .param("season", current)
          .update();
    }
    jdbc.sql(
            """
            INSERT INTO seasons (board_id, season, started_at, reason)
            VALUES (:board, :season, :at, :reason)
            """)
        .param("board", board)
        .param("reason", reason)
        .param("season", next)
        .param("at", utc(at))
        .update();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
