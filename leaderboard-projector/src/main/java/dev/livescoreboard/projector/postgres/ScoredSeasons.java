package dev.livescoreboard.projector.postgres;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Every board+season that has score rows in PostgreSQL, for the rebuild and the audit alike. */
@Component
public class ScoredSeasons {

  // A loose index scan: one index probe per distinct (board, season), not a scan of every row.
  private static final String SQL =
      """
      WITH RECURSIVE pairs AS (
        (SELECT board_id, season FROM user_scores ORDER BY board_id, season LIMIT 1)
        UNION ALL
        SELECT next.board_id, next.season FROM pairs p CROSS JOIN LATERAL (
          SELECT board_id, season FROM user_scores s
          WHERE (s.board_id, s.season) > (p.board_id, p.season)
          ORDER BY board_id, season LIMIT 1) next
      )
      SELECT board_id, season FROM pairs
      """;

  private final JdbcTemplate jdbc;

  public ScoredSeasons(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  /**
   * Each pair made into a {@code T} by {@code of}; a pair {@code of} refuses with {@link
   * IllegalArgumentException} (an id that cannot be a Redis key) is skipped: command-api validates
   * ids, so such a row slipped past it and has no read model to compare or rebuild.
   */
  public <T> List<T> list(BiFunction<String, String, T> of) {
    List<T> result = new ArrayList<>();
    jdbc.query(
        SQL,
        rs -> {
          try {
            result.add(of.apply(rs.getString(1), rs.getString(2)));
          } catch (IllegalArgumentException ignored) {
            // skipped, see above
          }
        });
    return result;
  }
}
