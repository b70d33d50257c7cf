package dev.livescoreboard.gateway;

import static dev.livescoreboard.gateway.board.Tops.top;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.livescoreboard.events.BoardDefined;
import dev.livescoreboard.events.EventJson;
import dev.livescoreboard.events.Seasons;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The board registry: the list of boards, and 404 BOARD_NOT_FOUND for every other board. */
class BoardRegistryIT {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static RunningGateway gateway;

  @BeforeAll
  static void start() {
    gateway = new RunningGateway();
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void definedBoardsAreListedWithTheirDefinitionAndCurrentSeason() {
    BoardDefined sprint = gateway.define("list-sprint", 3, Seasons.DAILY, 1);
    gateway.define("list-marathon", 25, Seasons.MONTHLY, 2);

    await()
        .atMost(10, TimeUnit.SECONDS)
        .untilAsserted(
            () -> assertThat(boards()).containsKeys("global", "list-sprint", "list-marathon"));
    JsonNode listed = boards().get("list-sprint");
    assertThat(listed.path("title").asString()).isEqualTo("Title of list-sprint");
    assertThat(listed.path("topN").asInt()).isEqualTo(3);
    assertThat(listed.path("resetSchedule").asString()).isEqualTo("daily");
    // Nothing scored yet: the season the definition names.
    assertThat(listed.path("currentSeason").asString()).isEqualTo(sprint.currentSeason());
    assertThat(boards().get("global").path("currentSeason").asString()).isEqualTo("all-time");

    gateway.seed(top("list-sprint", "2031-01-02", 4, "ann"));

    await()
        .atMost(10, TimeUnit.SECONDS)
        .untilAsserted(
            () ->
                assertThat(boards().get("list-sprint").path("currentSeason").asString())
                    .isEqualTo("2031-01-02"));
  }

  @Test
  void everyReadRouteAnswersBoardNotFoundForAnUndefinedBoard() {
    String token = gateway.token("reader");
    for (String path :
        List.of(
            "/api/v1/leaderboards/nowhere",
            "/api/v1/leaderboards/nowhere?limit=50&offset=10",
            "/api/v1/leaderboards/nowhere/users/amy",
            "/api/v1/leaderboards/nowhere/users/me",
            "/api/v1/leaderboards/nowhere/around/amy",
            "/api/v1/leaderboards/nowhere/around/me",
            "/api/v1/leaderboards/nowhere/users?ids=amy,bob")) {
      HttpResponse<String> response = get(path, token);
      assertThat(response.statusCode()).as(path).isEqualTo(404);
      assertThat(json(response).path("code").asString()).as(path).isEqualTo("BOARD_NOT_FOUND");
    }
  }

  @Test
  void aBoardDefinedAfterStartIsServedAtOnceEvenWithoutData() {
    gateway.define("fresh-board");

    HttpResponse<String> response = get("/api/v1/leaderboards/fresh-board", null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).path("entries")).isEmpty();
  }

  @Test
  void aDailyBoardWithoutScoresAnswersTheSeasonItsDefinitionNames() {
    BoardDefined daily = gateway.define("fresh-daily", 10, Seasons.DAILY, 1);

    JsonNode body = json(get("/api/v1/leaderboards/fresh-daily", null));

    assertThat(body.path("season").asString()).isEqualTo(daily.currentSeason());
    assertThat(body.path("entries")).isEmpty();
  }

  @Test
  void subscribingToAnUndefinedBoardIsAnErrorAndTheConnectionStaysUsable() {
    gateway.define("ws-known");
    String token = gateway.token("watcher");
    try (WsClient client =
        WsClient.connect(
            gateway.ws("/ws?board=ws-missing"),
            b -> b.header("Authorization", "Bearer " + token))) {
      client.next("CONNECTION_ACK");
      assertThat(client.next("ERROR").path("code").asString()).isEqualTo("BOARD_NOT_FOUND");

      client.send("{\"type\":\"SUBSCRIBE\",\"board\":\"ws-missing-too\"}");
      assertThat(client.next("ERROR").path("code").asString()).isEqualTo("BOARD_NOT_FOUND");

      client.send("{\"type\":\"SUBSCRIBE\",\"board\":\"ws-known\"}");
      assertThat(client.next("SNAPSHOT").path("board").asString()).isEqualTo("ws-known");
    }
  }

  private static Map<String, JsonNode> boards() {
    HttpResponse<String> response = get("/api/v1/leaderboards", null);
    assertThat(response.statusCode()).isEqualTo(200);
    Map<String, JsonNode> byId = new java.util.TreeMap<>();
    json(response).values().forEach(board -> byId.put(board.path("board").asString(), board));
    return byId;
  }

  private static HttpResponse<String> get(String path, String token) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(gateway.http(path))).timeout(Duration.ofSeconds(10));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode json(HttpResponse<String> response) {
    return EventJson.fromJson(response.body(), JsonNode.class);
  }
}
