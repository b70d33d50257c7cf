package dev.livescoreboard.gateway;

import static dev.livescoreboard.gateway.board.Tops.top;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.livescoreboard.events.Seasons;
import dev.livescoreboard.events.TopNChanged;
import dev.livescoreboard.gateway.SseClient.Event;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A season the projector started (its empty top N published) reaches readers and live clients: a
 * {@code SNAPSHOT} of the new season over WebSocket and SSE, the board's reads and listing, and the
 * board's season list; the ended season stays readable.
 */
class SeasonSwitchIT {

  private static final String DAY = "2026-12-03";
  private static final String NEXT_DAY = "2026-12-04";
  private static final Instant DAY_START = Instant.parse("2026-12-03T00:00:00.000120Z");
  private static final Instant MIDNIGHT = Instant.parse("2026-12-04T00:00:00.000340Z");

  private static RunningGateway gateway;
  private static ReadApi api;

  @BeforeAll
  static void start() {
    gateway = new RunningGateway();
    api = new ReadApi(gateway);
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  /** A daily board in {@link #DAY} with two scores, as the projector leaves it. */
  private static void dailyBoardWithScores(String board) {
    gateway.define(board, 10, Seasons.DAILY, 1);
    gateway.startSeason(board, DAY, null, DAY_START, 1);
    gateway.score(board, DAY, "amy", 30, 1);
    gateway.score(board, DAY, "bob", 20, 2);
    gateway.seed(top(board, DAY, 7, "amy", "bob"));
  }

  @Test
  void liveWebSocketAndSseClientsGetASnapshotOfTheNewEmptySeason() {
    String board = "switch-live";
    dailyBoardWithScores(board);
    String token = gateway.token("carol");
    try (WsClient ws =
            WsClient.connect(
                gateway.ws("/ws?board=" + board),
                b -> b.header("Authorization", "Bearer " + token));
        SseClient sse =
            SseClient.open(
                URI.create(
                    gateway.http(
                        "/api/v1/leaderboards/" + board + "/stream?access_token=" + token)),
                b -> b)) {
      ws.next("CONNECTION_ACK");
      assertThat(ws.next("SNAPSHOT").path("season").asString()).isEqualTo(DAY);
      assertThat(sse.nextEvent().name()).isEqualTo("snapshot");

      TopNChanged empty = gateway.startSeason(board, NEXT_DAY, DAY, MIDNIGHT, 3);

      JsonNode snapshot = ws.next("SNAPSHOT");
      assertThat(snapshot.path("board").asString()).isEqualTo(board);
      assertThat(snapshot.path("season").asString()).isEqualTo(NEXT_DAY);
      assertThat(snapshot.path("seq").asLong()).isEqualTo(empty.seq());
      assertThat(snapshot.path("entries")).isEmpty();
      Event sseSnapshot = sse.nextEvent();
      assertThat(sseSnapshot.name()).isEqualTo("snapshot");
      assertThat(sseSnapshot.id()).isEqualTo("3");
      assertThat(sseSnapshot.json()).isEqualTo(snapshot);

      // The new season's next change is an ordinary update again.
      gateway.publish(top(board, NEXT_DAY, 4, "dan"));
      assertThat(ws.next("LEADERBOARD_UPDATE").path("season").asString()).isEqualTo(NEXT_DAY);
      assertThat(sse.nextEvent().name()).isEqualTo("update");
    }
  }

  @Test
  void readsWithoutASeasonServeTheNewEmptySeasonAndTheEndedOneStaysReadable() {
    String board = "switch-reads";
    dailyBoardWithScores(board);
    String token = gateway.token("carol");
    assertThat(json("/api/v1/leaderboards/" + board, token).path("season").asString())
        .isEqualTo(DAY);

    gateway.startSeason(board, NEXT_DAY, DAY, MIDNIGHT, 3);

    await()
        .atMost(Duration.ofSeconds(2))
        .untilAsserted(
            () -> {
              JsonNode current = json("/api/v1/leaderboards/" + board, token);
              assertThat(current.path("season").asString()).isEqualTo(NEXT_DAY);
              assertThat(current.path("entries")).isEmpty();
            });
    await()
        .atMost(Duration.ofSeconds(2))
        .untilAsserted(
            () ->
                assertThat(listed(board, token).path("currentSeason").asString())
                    .isEqualTo(NEXT_DAY));
    JsonNode past = json("/api/v1/leaderboards/" + board + "?season=" + DAY, token);
    assertThat(past.path("season").asString()).isEqualTo(DAY);
    assertThat(past.path("entries"))
        .extracting(e -> e.path("userId").asString())
        .containsExactly("amy", "bob");
  }

  @Test
  void theSeasonListIsNewestFirstByStartWithStartsAndEnds() {
    String board = "switch-list";
    dailyBoardWithScores(board);
    Instant reset = Instant.parse("2026-12-03T15:00:00Z");
    gateway.startSeason(board, DAY + "-r2", DAY, reset, 1);
    // "2026-12-03-r2" sorts after "2026-12-04" as a string; by start it is older.
    gateway.startSeason(board, NEXT_DAY, DAY + "-r2", MIDNIGHT, 1);
    String token = gateway.token("carol");

    JsonNode list = json("/api/v1/leaderboards/" + board + "/seasons", token);

    assertThat(list.path("board").asString()).isEqualTo(board);
    assertThat(list.path("seasons"))
        .extracting(s -> s.path("season").asString())
        .containsExactly(NEXT_DAY, DAY + "-r2", DAY);
    JsonNode newest = list.path("seasons").get(0);
    assertThat(newest.path("startedAt").asString()).isEqualTo(MIDNIGHT.toString());
    assertThat(newest.path("endedAt").isNull()).isTrue();
    JsonNode oldest = list.path("seasons").get(2);
    assertThat(oldest.path("startedAt").asString()).isEqualTo(DAY_START.toString());
    assertThat(oldest.path("endedAt").asString()).isEqualTo(reset.toString());
    assertThat(list.path("seasons").get(1).path("endedAt").asString())
        .isEqualTo(MIDNIGHT.toString());
  }

  @Test
  void theSeasonListOfAnUnknownBoardIsBoardNotFound() {
    HttpResponse<String> response =
        api.get("/api/v1/leaderboards/nowhere/seasons", gateway.token("carol"));

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(ReadApi.json(response).path("code").asString()).isEqualTo("BOARD_NOT_FOUND");
    assertThat(api.get("/api/v1/leaderboards/Bad!/seasons", gateway.token("carol")).statusCode())
        .isEqualTo(400);
  }

  private static JsonNode json(String path, String token) {
    HttpResponse<String> response = api.get(path, token);
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return ReadApi.json(response);
  }

  private static JsonNode listed(String board, String token) {
    HttpResponse<String> response = api.get("/api/v1/leaderboards", token);
    for (JsonNode b : ReadApi.json(response)) {
      if (b.path("board").asString().equals(board)) {
        return b;
      }
    }
    throw new AssertionError(board + " not listed: " + response.body());
  }
}
