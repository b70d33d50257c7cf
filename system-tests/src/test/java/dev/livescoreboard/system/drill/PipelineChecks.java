package dev.livescoreboard.system.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.livescoreboard.infra.LocalStack;
import dev.livescoreboard.system.StackAudit;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * What must hold after every fault, read from the system's own APIs and from PostgreSQL and Kafka
 * directly (verification only; all state was built through the write API):
 *
 * <ol>
 *   <li>the consistency audit is clean once the outbox is published and the projector caught up
 *       (Redis == PostgreSQL == Σ events for every user; {@link StackAudit});
 *   <li>every acknowledged action (a 2xx complete, replays included) is in {@code score_events}
 *       exactly once, under the event id it was answered with and its action token's nonce, and
 *       every event of the players comes from an action they started (none made up, none twice);
 *   <li>each player's score is the sum of their events and their versions run 1..n without gaps;
 *   <li>every committed event is on the Kafka topic (duplicates are allowed: at-least-once);
 *   <li>each gateway's top N (GET) and each live viewer's latest state equal PostgreSQL's top N by
 *       the ranking rule (score, then first to reach it, to the millisecond Redis keeps, then user
 *       id).
 * </ol>
 */
final class PipelineChecks {

  static final String BOARD = "global";

  /** Long enough for the projector's lost-board check (every 5 s in drill stacks) and a rebuild. */
  private static final Duration SETTLE = Duration.ofSeconds(90);

  private static final String TOP_N =
      """
      SELECT s.user_id, CASE WHEN u.public THEN u.display_name ELSE 'Anonymous' END, s.score
      FROM user_scores s JOIN users u ON u.id = s.user_id
      WHERE s.board_id = ? AND s.season = ? AND s.version > 0 AND u.status = 'active'
      ORDER BY s.score DESC, date_trunc('milliseconds', s.reached_at), s.user_id COLLATE "C"
      LIMIT ?
      """;

  private final LocalStack stack;
  private final List<String> gatewayUrls;

  PipelineChecks(LocalStack stack, List<String> gatewayUrls) {
    this.stack = stack;
    this.gatewayUrls = List.copyOf(gatewayUrls);
  }

  /** Runs every check (failing with an {@link AssertionError}); returns what it verified. */
  String verify(ActionLog log, List<Viewer> viewers) throws SQLException {
    await("a clean consistency audit")
        .atMost(SETTLE)
        .pollInterval(Duration.ofSeconds(2))
        .untilAsserted(() -> StackAudit.assertConsistent(stack));
    int acknowledged = assertAcknowledgedStoredOnce(log);
    assertScoresAreGaplessSums(log.users());
    int events = assertEveryEventOnTheTopic();
    int shown = awaitTopNShownEverywhere(viewers);
    return String.format(
        "%d acks stored once, %d events on topic, top %d alike on %d gateway(s) and %d viewer(s)",
        acknowledged, events, shown, gatewayUrls.size(), viewers.size());
  }

  int assertAcknowledgedStoredOnce(ActionLog log) throws SQLException {
    Map<String, String> nonceById = new HashMap<>();
    Map<String, Integer> eventsPerNonce = new HashMap<>();
    try (Connection db = connect();
        var query =
            db.prepareStatement(
                "SELECT id::text, action_nonce FROM score_events WHERE user_id = ANY(?)")) {
      query.setArray(1, db.createArrayOf("varchar", log.users().toArray()));
      var rs = query.executeQuery();
      while (rs.next()) {
        nonceById.put(rs.getString(1), rs.getString(2));
        eventsPerNonce.merge(rs.getString(2), 1, Integer::sum);
      }
    }
    List<ActionLog.Action> acked = log.acknowledged();
    assertThat(acked).as("acknowledged actions").isNotEmpty();
    List<String> missing = new ArrayList<>();
    for (ActionLog.Action action : acked) {
      if (!action.nonce.equals(nonceById.get(action.eventId()))) {
        missing.add(action.eventId() + " (nonce " + action.nonce + ")");
      }
    }
    assertThat(missing).as("acknowledged actions missing from score_events").isEmpty();
    assertThat(eventsPerNonce)
        .as("events per action token (none twice, none from an action nobody started)")
        .allSatisfy((nonce, count) -> assertThat(count).isOne())
        .allSatisfy((nonce, count) -> assertThat(log.nonces()).contains(nonce));
    return acked.size();
  }

  private void assertScoresAreGaplessSums(Set<String> users) throws SQLException {
    List<String> wrong = new ArrayList<>();
    try (Connection db = connect();
        var query =
            db.prepareStatement(
                """
                SELECT s.user_id, s.score, s.version, coalesce(sum(e.delta), 0),
                       count(e.id), coalesce(max(e.user_version), 0)
                FROM user_scores s
                LEFT JOIN score_events e
                  ON e.board_id = s.board_id AND e.season = s.season AND e.user_id = s.user_id
                WHERE s.user_id = ANY(?)
                GROUP BY s.board_id, s.season, s.user_id, s.score, s.version
                """)) {
      query.setArray(1, db.createArrayOf("varchar", users.toArray()));
      var rs = query.executeQuery();
      while (rs.next()) {
        long score = rs.getLong(2);
        long version = rs.getLong(3);
        if (score != rs.getLong(4) || version != rs.getLong(5) || version != rs.getLong(6)) {
          wrong.add(
              String.format(
                  "%s: score %d, Σ events %d, version %d, %d events up to version %d",
                  rs.getString(1), score, rs.getLong(4), version, rs.getLong(5), rs.getLong(6)));
        }
      }
    }
    assertThat(wrong).as("scores that are not the sum of gapless events").isEmpty();
  }

  /** Every event id in {@code score_events} has at least one record on the topic. */
  private int assertEveryEventOnTheTopic() throws SQLException {
    List<String> committed = new ArrayList<>();
    try (Connection db = connect();
        var rs = db.createStatement().executeQuery("SELECT id::text FROM score_events")) {
      while (rs.next()) {
        committed.add(rs.getString(1));
      }
    }
    Map<String, Integer> onTopic =
        TopicEvents.countByEventId(stack.kafkaBootstrap(), stack.settings().kafkaTopic());
    assertThat(committed.stream().filter(id -> !onTopic.containsKey(id)).toList())
        .as("committed events missing from the topic")
        .isEmpty();
    return committed.size();
  }

  /** Waits until every gateway and viewer shows PostgreSQL's top N; returns its size. */
  int awaitTopNShownEverywhere(List<Viewer> viewers) {
    List<String> expected = new ArrayList<>();
    await("the top N shown alike by PostgreSQL, every gateway and every viewer")
        .atMost(SETTLE)
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              JsonNode served = Http.json(gatewayUrls.get(0) + "/api/v1/leaderboards/" + BOARD);
              assertThat(served).as("GET of the board").isNotNull();
              expected.clear();
              expected.addAll(topN(served.path("season").asString(), topNSize()));
              for (String gateway : gatewayUrls) {
                JsonNode board = Http.json(gateway + "/api/v1/leaderboards/" + BOARD);
                assertThat(board).as("GET of the board on %s", gateway).isNotNull();
                assertThat(entries(board)).as("top N on %s", gateway).isEqualTo(expected);
              }
              for (Viewer viewer : viewers) {
                assertThat(viewer.latest()).as("a viewer's state").isNotNull();
                assertThat(entries(viewer.latest())).as("a viewer's top N").isEqualTo(expected);
              }
            });
    return expected.size();
  }

  private static List<String> entries(JsonNode board) {
    List<String> entries = new ArrayList<>();
    board
        .path("entries")
        .forEach(
            e ->
                entries.add(
                    e.path("userId").asString()
                        + " "
                        + e.path("displayName").asString()
                        + " "
                        + e.path("score").asLong()));
    return entries;
  }

  private List<String> topN(String season, int size) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection db = connect();
        var query = db.prepareStatement(TOP_N)) {
      query.setString(1, BOARD);
      query.setString(2, season);
      query.setInt(3, size);
      var rs = query.executeQuery();
      while (rs.next()) {
        rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getLong(3));
      }
    }
    return rows;
  }

  private int topNSize() throws SQLException {
    try (Connection db = connect();
        var query = db.prepareStatement("SELECT top_n FROM boards WHERE id = ?")) {
      query.setString(1, BOARD);
      var rs = query.executeQuery();
      rs.next();
      return rs.getInt(1);
    }
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(stack.jdbcUrl(), stack.dbUser(), stack.dbPassword());
  }
}
