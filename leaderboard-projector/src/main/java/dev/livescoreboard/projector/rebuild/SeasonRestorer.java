package dev.livescoreboard.projector.rebuild;

import dev.livescoreboard.events.SeasonStarted;
import dev.livescoreboard.events.Seasons;
import dev.livescoreboard.projector.projection.SeasonStartWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Restores the boards' season lists of the read model from command-api's {@code seasons} table,
 * through the same idempotent apply as the {@code SEASON_STARTED} events: each board's newest
 * season first, so it becomes current (if Redis had lost it) and the older ones are only listed
 * again, never published. Reads PostgreSQL only.
 */
@Component
class SeasonRestorer {

  private static final String SEASONS = "SELECT board_id, season, started_at, reason FROM seasons";

  private record Row(String board, String season, java.time.Instant startedAt, String reason) {}

  private final JdbcTemplate jdbc;
  private final SeasonStartWriter writer;

  SeasonRestorer(DataSource dataSource, SeasonStartWriter writer) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.writer = writer;
  }

  /** Applies every board's seasons; returns how many Redis did not list yet. */
  int restore() {
    Map<String, List<Row>> byBoard = new LinkedHashMap<>();
    jdbc.query(
            SEASONS,
            (rs, n) ->
                new Row(
                    rs.getString("board_id"),
                    rs.getString("season"),
                    rs.getTimestamp("started_at").toInstant(),
                    rs.getString("reason")))
        .forEach(row -> byBoard.computeIfAbsent(row.board(), b -> new ArrayList<>()).add(row));
    int restored = 0;
    for (List<Row> seasons : byBoard.values()) {
      seasons.sort(Comparator.comparing(Row::season, Seasons.BY_START));
      for (int i = seasons.size() - 1; i >= 0; i--) {
        Row row = seasons.get(i);
        String previous = i == 0 ? null : seasons.get(i - 1).season();
        SeasonStarted event =
            SeasonStarted.of(
                // The same id for the same season, however often it is restored.
                UUID.nameUUIDFromBytes(
                    (row.board() + ":" + row.season()).getBytes(StandardCharsets.UTF_8)),
                row.board(),
                row.season(),
                previous,
                row.startedAt(),
                row.reason());
        if (writer.apply(event)) {
          restored++;
        }
      }
    }
    return restored;
  }
}
