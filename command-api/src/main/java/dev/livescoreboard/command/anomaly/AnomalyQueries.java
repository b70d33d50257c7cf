package dev.livescoreboard.command.anomaly;

import dev.livescoreboard.events.EventJson;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The rules as SQL: each aggregates the events of the scan's time range in PostgreSQL and returns
 * only the users it flags (at most one row per user), so a scan moves a handful of rows, never the
 * events. Every rule skips users who are not active, users with an open flag for the same reason,
 * and events up to the user's last resolved flag for the reason (an operator's "fine" is not undone
 * by the same events on the next scan).
 */
@Repository
class AnomalyQueries {

  /** Events of the range, after the user's last resolved flag of {@code :reason}. */
  private static final String CLEARED =
      """
      cleared AS (
        SELECT user_id, max(resolved_at) AS cleared_at FROM anomaly_flags
        WHERE reason = :reason AND status = 'resolved' GROUP BY user_id
      )
      """;

  private static final String IN_RANGE =
      """
      e.committed_at > :since AND e.committed_at <= :now
        AND (r.cleared_at IS NULL OR e.committed_at > r.cleared_at)
      """;

  private static final String FLAGGABLE =
      """
      JOIN users u ON u.id = x.user_id AND u.status = 'active'
      WHERE NOT EXISTS (
        SELECT 1 FROM anomaly_flags f
        WHERE f.user_id = x.user_id AND f.reason = :reason AND f.status = 'open')
      """;

  private static final String PINNED_RATE =
      "WITH ceilings AS ("
          + """
            SELECT c.key AS action_type, (c.value ->> 'threshold')::int AS threshold,
                   (c.value ->> 'ceiling')::float8 AS ceiling
            FROM jsonb_each(CAST(:ceilings AS jsonb)) c
          ),
          """
          + CLEARED
          + """
          , counted AS (
            SELECT e.user_id, e.action_type,
                   floor(extract(epoch FROM e.committed_at) / :windowSeconds)::bigint AS slot,
                   count(*) AS completes
            FROM score_events e
            LEFT JOIN cleared r ON r.user_id = e.user_id
            WHERE e.action_type IN (SELECT action_type FROM ceilings) AND
          """
          + IN_RANGE
          + """
            GROUP BY 1, 2, 3
          ),
          pinned AS (
            -- Consecutive slots share slot − row_number(): one "streak" id per unbroken run.
            SELECT n.user_id, n.action_type, n.slot, n.completes,
                   n.slot - row_number() OVER (PARTITION BY n.user_id, n.action_type ORDER BY n.slot)
                     AS streak
            FROM counted n JOIN ceilings c ON c.action_type = n.action_type
            WHERE n.completes >= c.threshold
          ),
          streaks AS (
            SELECT user_id, action_type, count(*) AS windows, min(slot) AS first_slot,
                   sum(completes) AS completes
            FROM pinned GROUP BY user_id, action_type, streak
            HAVING count(*) >= :consecutive
          )
          SELECT DISTINCT ON (x.user_id) x.user_id, x.action_type, x.windows, x.first_slot,
                 x.completes, c.ceiling, c.threshold
          FROM streaks x
          JOIN ceilings c ON c.action_type = x.action_type
          """
          + FLAGGABLE
          + "ORDER BY x.user_id, x.windows DESC, x.completes DESC";

  private static final String MINIMUM_DURATION =
      "WITH minimums AS ("
          + """
            SELECT m.key AS action_type, m.value::float8 AS min_seconds
            FROM jsonb_each_text(CAST(:minimums AS jsonb)) m
          ),
          """
          + CLEARED
          + """
          , timed AS (
            SELECT e.user_id,
                   extract(epoch FROM e.committed_at - e.started_at)::float8 - m.min_seconds AS slack
            FROM score_events e
            JOIN minimums m ON m.action_type = e.action_type
            LEFT JOIN cleared r ON r.user_id = e.user_id
            WHERE e.started_at IS NOT NULL AND
          """
          + IN_RANGE
          + """
          ),
          judged AS (
            SELECT user_id, count(*) AS completes,
                   count(*) FILTER (WHERE slack < :toleranceSeconds) AS at_minimum,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY slack) AS median_slack
            FROM timed GROUP BY user_id
            HAVING count(*) >= :minCompletes
               AND count(*) FILTER (WHERE slack < :toleranceSeconds) >= :fraction * count(*)
          )
          SELECT x.user_id, x.completes, x.at_minimum, x.median_slack FROM judged x
          """
          + FLAGGABLE;

  private static final String POPULATION =
      """
      SELECT count(*) AS population,
             coalesce(percentile_cont(0.5) WITHIN GROUP (ORDER BY points), 0) AS median
      FROM (
        SELECT e.user_id, sum(e.delta) AS points FROM score_events e
        WHERE e.action_type IS NOT NULL AND e.committed_at > :since AND e.committed_at <= :now
        GROUP BY e.user_id
      ) p
      """;

  private static final String POINTS_ABOVE =
      "WITH "
          + CLEARED
          + """
          , scored AS (
            SELECT e.user_id, sum(e.delta) AS points, count(*) AS completes
            FROM score_events e
            LEFT JOIN cleared r ON r.user_id = e.user_id
            WHERE e.action_type IS NOT NULL AND
          """
          + IN_RANGE
          + """
            GROUP BY e.user_id
            HAVING sum(e.delta) > :cutoff
          )
          SELECT x.user_id, x.points, x.completes FROM scored x
          """
          + FLAGGABLE;

  private final JdbcClient jdbc;

  AnomalyQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One row per user whose completes of one action were pinned long enough (their longest). */
  record PinnedStreak(
      String userId,
      String actionType,
      int windows,
      long firstSlot,
      long completes,
      double ceiling,
      int threshold) {}

  List<PinnedStreak> pinnedStreaks(
      Map<String, RateCeiling> ceilings,
      Duration window,
      int consecutive,
      Instant since,
      Instant now) {
    if (ceilings.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(PINNED_RATE)
        .param("ceilings", EventJson.toJson(asJson(ceilings)))
        .param("reason", Reason.RATE_PINNED_AT_LIMIT.name())
        .param("windowSeconds", window.toSeconds())
        .param("consecutive", consecutive)
        .param("since", utc(since))
        .param("now", utc(now))
        .query(
            (rs, n) ->
                new PinnedStreak(
                    rs.getString("user_id"),
                    rs.getString("action_type"),
                    rs.getInt("windows"),
                    rs.getLong("first_slot"),
                    rs.getLong("completes"),
                    rs.getDouble("ceiling"),
                    rs.getInt("threshold")))
        .list();
  }

  /** A user with enough completes of which enough were at the minimum duration. */
  record AtMinimum(String userId, long completes, long atMinimum, double medianSlackSeconds) {}

  List<AtMinimum> atMinimum(
      Map<String, Integer> minSeconds,
      AnomalySettings.MinimumDuration rule,
      Instant since,
      Instant now) {
    if (minSeconds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(MINIMUM_DURATION)
        .param("minimums", EventJson.toJson(minSeconds))
        .param("reason", Reason.COMPLETES_AT_MINIMUM_DURATION.name())
        .param("toleranceSeconds", rule.tolerance().toMillis() / 1000.0)
        .param("minCompletes", rule.minCompletes())
        .param("fraction", rule.fraction())
        .param("since", utc(since))
        .param("now", utc(now))
        .query(
            (rs, n) ->
                new AtMinimum(
                    rs.getString("user_id"),
                    rs.getLong("completes"),
                    rs.getLong("at_minimum"),
                    rs.getDouble("median_slack")))
        .list();
  }

  /** Users who scored with an action in the range, and their median points. */
  PopulationCutoff population(Instant since, Instant now) {
    return jdbc.sql(POPULATION)
        .param("since", utc(since))
        .param("now", utc(now))
        .query((rs, n) -> new PopulationCutoff(rs.getLong("population"), rs.getDouble("median")))
        .single();
  }

  /** A user who scored more than the cutoff. */
  record HighScorer(String userId, long points, long completes) {}

  List<HighScorer> scoredAbove(double cutoff, Instant since, Instant now) {
    return jdbc.sql(POINTS_ABOVE)
        .param("reason", Reason.POINTS_FAR_ABOVE_POPULATION.name())
        .param("cutoff", cutoff)
        .param("since", utc(since))
        .param("now", utc(now))
        .query(
            (rs, n) ->
                new HighScorer(
                    rs.getString("user_id"), rs.getLong("points"), rs.getLong("completes")))
        .list();
  }

  private static Map<String, Map<String, Number>> asJson(Map<String, RateCeiling> ceilings) {
    Map<String, Map<String, Number>> json = new LinkedHashMap<>();
    ceilings.forEach(
        (type, c) -> json.put(type, Map.of("ceiling", c.ceiling(), "threshold", c.threshold())));
    return json;
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
