package dev.livescoreboard.projector.rebuild;

import dev.livescoreboard.events.BoardDefined;
import dev.livescoreboard.projector.projection.BoardDefinitionWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Restores the board definitions of the read model from command-api's {@code boards} table, through
 * the same versioned apply as the {@code BOARD_DEFINED} events: a board Redis holds at its current
 * version is left alone, one Redis lost is written again. Reads PostgreSQL only.
 */
@Component
class BoardDefinitionRestorer {

  private static final String BOARDS =
      "SELECT id, title, score_cap, top_n, reset_schedule, version, updated_at FROM boards";

  private final JdbcTemplate jdbc;
  private final BoardDefinitionWriter writer;

  BoardDefinitionRestorer(DataSource dataSource, BoardDefinitionWriter writer) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.writer = writer;
  }

  /** Applies every board's definition; returns how many Redis did not hold yet. */
  int restore() {
    List<BoardDefined> boards =
        jdbc.query(
            BOARDS,
            (rs, n) -> {
              String id = rs.getString("id");
              long version = rs.getLong("version");
              return BoardDefined.of(
                  // The same id for the same version, however often it is restored.
                  UUID.nameUUIDFromBytes((id + ":" + version).getBytes(StandardCharsets.UTF_8)),
                  id,
                  rs.getString("title"),
                  rs.getLong("score_cap"),
                  rs.getInt("top_n"),
                  rs.getString("reset_schedule"),
                  version,
                  rs.getTimestamp("updated_at").toInstant());
            });
    int restored = 0;
    for (BoardDefined board : boards) {
      if (writer.apply(board)) {
        restored++;
      }
    }
    return restored;
  }
}
