package dev.livescoreboard.command.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livescoreboard.command.RulesTestBase;
import dev.livescoreboard.command.TopicReader;
import dev.livescoreboard.events.BoardDefined;
import dev.livescoreboard.events.ScoreboardEvent;
import dev.livescoreboard.events.ScoreboardEventDeserializer;
import dev.livescoreboard.testsupport.UniqueNames;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class BoardRegistryIT extends RulesTestBase {

  @Autowired BoardRegistry registry;

  private static Map<String, Object> spec(String title, long cap, int topN, String schedule) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("title", title);
    body.put("scoreCap", cap);
    body.put("topN", topN);
    body.put("resetSchedule", schedule);
    return body;
  }

  private static String newBoard() {
    return UniqueNames.of("board").toLowerCase(java.util.Locale.ROOT).replace('.', '-');
  }

  private Response putBoard(String board, Object body) {
    return put("/api/v1/admin/boards/" + board, adminToken(), body);
  }

  private List<BoardDefined> definitionsOnKafka(String board, int atLeast) {
    try (TopicReader reader = new TopicReader(topic)) {
      return reader.readUntil(read -> definitions(read, board).size() >= atLeast).stream()
          .filter(r -> r.key().equals(board))
          .map(r -> ScoreboardEventDeserializer.read(r.value()))
          // The board's key also carries its SEASON_STARTED events.
          .filter(BoardDefined.class::isInstance)
          .map(BoardDefined.class::cast)
          .toList();
    }
  }

  private static List<ScoreboardEvent> definitions(
      List<ConsumerRecord<String, byte[]>> read, String board) {
    return read.stream()
        .filter(r -> Objects.equals(r.key(), board))
        .map(r -> ScoreboardEventDeserializer.read(r.value()))
        .filter(BoardDefined.class::isInstance)
        .toList();
  }

  @Test
  void putCreatesThenUpdatesTheBoardAndEachChangeReachesKafkaWithTheNextVersion() {
    String board = newBoard();

    Response created = putBoard(board, spec("Sprint", 500, 3, "daily"));
    Response updated = putBoard(board, spec("Sprint 2", 400, 5, "weekly"));

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.body().path("boardVersion").asLong()).isEqualTo(1);
    assertThat(created.body().path("topN").asInt()).isEqualTo(3);
    assertThat(updated.status()).isEqualTo(200);
    assertThat(updated.body().path("boardVersion").asLong()).isEqualTo(2);
    assertThat(updated.body().path("currentSeason").asString()).matches("\\d{4}-W\\d{2}");
    assertThat(
            count(
                "SELECT count(*) FROM boards WHERE id = ? AND version = 2 AND top_n = 5"
                    + " AND score_cap = 400 AND reset_schedule = 'weekly'",
                board))
        .isOne();
    assertThat(count("SELECT count(*) FROM admin_audit WHERE target = ?", "board:" + board))
        .isEqualTo(2);

    List<BoardDefined> events = definitionsOnKafka(board, 2);
    assertThat(events).extracting(BoardDefined::boardVersion).containsExactly(1L, 2L);
    assertThat(events.get(1).title()).isEqualTo("Sprint 2");
    assertThat(events.get(1).topN()).isEqualTo(5);
    assertThat(events.get(1).resetSchedule()).isEqualTo("weekly");
  }

  @Test
  void loweringTheCapLeavesExistingScoresAlone() {
    createSideBoard();
    String user = newUserId();
    provision(user);
    String bearer = tokenFor(user);
    Response started = start(bearer, "COMPLETE_LEVEL", SIDE_BOARD);
    assertThat(complete(bearer, started.body().path("actionToken").asString()).status())
        .isEqualTo(200);

    assertThat(putBoard(SIDE_BOARD, spec("Side quest", 1, 10, "never")).status()).isEqualTo(200);

    assertThat(
            count(
                "SELECT count(*) FROM user_scores WHERE board_id = ? AND user_id = ? AND score > 1",
                SIDE_BOARD,
                user))
        .isOne();
  }

  @Test
  void invalidDefinitionsAreRefusedWithAProblemAndChangeNothing() {
    String board = newBoard();
    List<Object> bad =
        List.of(
            spec("T", 100, 0, "never"),
            spec("T", 100, 101, "never"),
            spec("T", 0, 10, "never"),
            spec("T", 100, 10, "hourly"),
            spec("", 100, 10, "never"),
            spec("x".repeat(101), 100, 10, "never"),
            "{\"title\":\"T\",\"scoreCap\":100,\"topN\":10}",
            "{\"title\":\"T\",\"scoreCap\":100,\"topN\":10,\"resetSchedule\":\"never\",\"x\":1}",
            "{\"title\":\"T\",\"scoreCap\":\"many\",\"topN\":10,\"resetSchedule\":\"never\"}",
            "not json");
    for (Object body : bad) {
      Response refused = putBoard(board, body);
      assertThat(refused.status()).as(body.toString()).isEqualTo(400);
      assertThat(refused.code()).as(body.toString()).isEqualTo("VALIDATION_FAILED");
    }
    Response badId = putBoard("Bad.Id", spec("T", 100, 10, "never"));
    assertThat(badId.status()).isEqualTo(400);
    assertThat(badId.code()).isEqualTo("VALIDATION_FAILED");
    assertThat(count("SELECT count(*) FROM boards WHERE id = ?", board)).isZero();
  }

  @Test
  void onlyAdminsDefineBoards() {
    String board = newBoard();

    Response player =
        put("/api/v1/admin/boards/" + board, tokenFor(newUserId()), spec("T", 1, 1, "never"));

    assertThat(player.status()).isEqualTo(403);
    assertThat(player.code()).isEqualTo("FORBIDDEN");
    assertThat(count("SELECT count(*) FROM boards WHERE id = ?", board)).isZero();
  }

  @Test
  void theGlobalBoardFromTheMigrationsWasAnnouncedOnceAtStartup() {
    assertThat(definitionsOnKafka("global", 1))
        .hasSize(1)
        .first()
        .satisfies(
            global -> {
              assertThat(global.boardVersion()).isEqualTo(1);
              assertThat(global.topN()).isEqualTo(10);
              assertThat(global.currentSeason()).isEqualTo("all-time");
            });
    // Another instance starting (twice): whatever was pending is announced once, global not again.
    registry.announcePending();
    assertThat(registry.announcePending()).isZero();
    assertThat(definitionsOnKafka("global", 1)).hasSize(1);
  }
}
