package dev.livescoreboard.command.registry;

import dev.livescoreboard.command.auditlog.AdminAuditLog;
import dev.livescoreboard.command.board.Boards;
import dev.livescoreboard.command.board.ResetSchedule;
import dev.livescoreboard.command.outbox.Outbox;
import dev.livescoreboard.command.outbox.OutboxMessage;
import dev.livescoreboard.events.BoardDefined;
import dev.livescoreboard.events.EventJson;
import dev.livescoreboard.events.EventKeys;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Defines boards and announces them to the read model: every change of a board bumps its version
 * and writes its {@code BOARD_DEFINED} to the outbox in the same transaction (see the package
 * docs).
 */
@Service
public class BoardRegistry {

  static final String AGGREGATE_TYPE = "board";

  private final JdbcClient jdbc;
  private final Outbox outbox;
  private final Boards boards;
  private final AdminAuditLog audit;
  private final Clock clock;

  BoardRegistry(JdbcClient jdbc, Outbox outbox, Boards boards, AdminAuditLog audit, Clock clock) {
    this.jdbc = jdbc;
    this.outbox = outbox;
    this.boards = boards;
    this.audit = audit;
    this.clock = clock;
  }

  /** Creates or updates board {@code id} (a valid id) on behalf of admin {@code actor}. */
  @Transactional
  public DefinedBoard define(String id, BoardSpec spec, String actor) {
    Row row =
        jdbc.sql(
                """
                INSERT INTO boards (id, title, score_cap, top_n, reset_schedule, version,
                                    announced_version)
                VALUES (:id, :title, :cap, :topN, :schedule, 1, 1)
                ON CONFLICT (id) DO UPDATE SET
                  title = EXCLUDED.title, score_cap = EXCLUDED.score_cap,
                  top_n = EXCLUDED.top_n, reset_schedule = EXCLUDED.reset_schedule,
                  version = boards.version + 1, announced_version = boards.version + 1,
                  updated_at = now()
                RETURNING id, title, score_cap, top_n, reset_schedule, version,
                          (xmax = 0) AS created
                """)
            .param("id", id)
            .param("title", spec.title())
            .param("cap", spec.scoreCap())
            .param("topN", spec.topN())
            .param("schedule", spec.resetSchedule().dbValue())
            .query(BoardRegistry::row)
            .single();
    BoardDefined event = announce(row);
    audit.record(
        actor,
        BoardDefined.TYPE,
        "board:" + id,
        null,
        Map.of("event", event, "created", row.created()));
    boards.forget(id);
    return new DefinedBoard(row.created(), event);
  }

  /**
   * Announces every board whose newest version has not been written to the outbox yet (boards
   * created or changed by migrations), once: the rows are locked and skipped by a concurrent
   * caller, and marked announced in the same transaction. Returns how many were announced. {@code
   * FOR NO KEY UPDATE}, the strength of the {@code UPDATE} that follows: the key-share locks that
   * rows referencing the board take (a season or score inserted meanwhile) do not make it skip one.
   */
  @Transactional
  public int announcePending() {
    List<Row> pending =
        jdbc.sql(
                """
                SELECT id, title, score_cap, top_n, reset_schedule, version, false AS created
                FROM boards WHERE announced_version < version
                ORDER BY id FOR NO KEY UPDATE SKIP LOCKED
                """)
            .query(BoardRegistry::row)
            .list();
    for (Row row : pending) {
      announce(row);
      jdbc.sql("UPDATE boards SET announced_version = version WHERE id = :id")
          .param("id", row.id())
          .update();
    }
    return pending.size();
  }

  private BoardDefined announce(Row row) {
    // PostgreSQL keeps microseconds; the event says what a later read would.
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    BoardDefined event =
        BoardDefined.of(
            UUID.randomUUID(),
            row.id(),
            row.title(),
            row.scoreCap(),
            row.topN(),
            row.resetSchedule().dbValue(),
            row.version(),
            now);
    outbox.append(
        new OutboxMessage(
            AGGREGATE_TYPE,
            EventKeys.boardEvent(row.id()),
            BoardDefined.TYPE,
            EventJson.toJson(event),
            null));
    return event;
  }

  private record Row(
      String id,
      String title,
      long scoreCap,
      int topN,
      ResetSchedule resetSchedule,
      long version,
      boolean created) {}

  private static Row row(ResultSet rs, int n) throws SQLException {
    return new Row(
        rs.getString("id"),
        rs.getString("title"),
        rs.getLong("score_cap"),
        rs.getInt("top_n"),
        ResetSchedule.fromDb(rs.getString("reset_schedule")),
        rs.getLong("version"),
        rs.getBoolean("created"));
  }
}
