package dev.livescoreboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livescoreboard.events.Seasons;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** Rank, around, paging and friends reads against a real Redis written as the projector does. */
class RankReadsIT {

  private static final String BOARD = "rank-board";
  private static final String SEASONED = "season-board";
  private static final String TODAY = "2026-12-03";
  private static final String YESTERDAY = "2026-12-02";

  private static RunningGateway gateway;
  private static ReadApi api;

  @BeforeAll
  static void start() {
    gateway = new RunningGateway(Map.of("SCOREBOARD_TOP_N", "3"));
    gateway.define(BOARD, 3, Seasons.NEVER, 1);
    gateway.define(SEASONED, 3, Seasons.DAILY, 1);
    api = new ReadApi(gateway);
    // Ranking rule: score desc, then earlier reach, then smaller id. Expected order a..g.
    gateway.score(BOARD, "all-time", "u-d", 400, 2_000);
    gateway.score(BOARD, "all-time", "u-c", 400, 2_000);
    gateway.score(BOARD, "all-time", "u-b", 400, 1_000);
    gateway.score(BOARD, "all-time", "u-a", 500, 1_000);
    gateway.score(BOARD, "all-time", "u-e", 300, 500);
    gateway.score(BOARD, "all-time", "u-f", 100, 100);
    gateway.score(BOARD, "all-time", "u-g", 50, 100);

    gateway.score(SEASONED, YESTERDAY, "u-x", 99, 100);
    gateway.score(SEASONED, YESTERDAY, "u-y", 50, 100);
    gateway.redis.set(gateway.keys.currentSeason(SEASONED), TODAY);
    gateway.score(SEASONED, TODAY, "u-x", 10, 200);
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void ranksFollowScoreThenEarlierReachThenSmallerId() {
    List<String> order =
        List.of("u-a", "u-b", "u-c", "u-d", "u-e", "u-f", "u-g").stream()
            .sorted(
                (x, y) ->
                    Integer.compare(
                        api.json(path(x)).path("rank").asInt(),
                        api.json(path(y)).path("rank").asInt()))
            .toList();
    assertThat(order).containsExactly("u-a", "u-b", "u-c", "u-d", "u-e", "u-f", "u-g");
    JsonNode page = api.json("/api/v1/leaderboards/" + BOARD + "?limit=7");
    for (JsonNode entry : page.path("entries")) {
      assertThat(api.json(path(entry.path("userId").asString())).path("rank").asInt())
          .as("rank of %s agrees with the list", entry.path("userId").asString())
          .isEqualTo(entry.path("rank").asInt());
    }
  }

  @Test
  void userOutsideTheTopNIsToldThePointsToPassTheNthOnATie() {
    JsonNode d = api.json(path("u-d"));
    assertThat(d.path("userId").asString()).isEqualTo("u-d");
    assertThat(d.path("displayName").asString()).isEqualTo("Name u-d");
    assertThat(d.path("score").asLong()).isEqualTo(400);
    assertThat(d.path("rank").asInt()).isEqualTo(4);
    assertThat(d.path("inTopN").asBoolean()).isFalse();
    // u-c holds rank 3 with the same 400, reached earlier: u-d needs one point more.
    assertThat(d.path("pointsToTopN").asLong()).isEqualTo(1);
    assertThat(d.path("totalUsers").asLong()).isEqualTo(7);
    assertThat(d.path("percentile").asDouble()).isEqualTo(42.8);

    JsonNode g = api.json(path("u-g"));
    assertThat(g.path("pointsToTopN").asLong()).isEqualTo(351);
    assertThat(g.path("percentile").asDouble()).isZero();

    JsonNode a = api.json(path("u-a"));
    assertThat(a.path("rank").asInt()).isEqualTo(1);
    assertThat(a.path("inTopN").asBoolean()).isTrue();
    assertThat(a.path("pointsToTopN").asLong()).isZero();
    assertThat(a.path("percentile").asDouble()).isEqualTo(85.7);
    assertThat(api.json(path("u-c")).path("inTopN").asBoolean()).isTrue();
  }

  @Test
  void pagesHaveOrdinalRanksAndTheBoardSize() {
    JsonNode page = api.json("/api/v1/leaderboards/" + BOARD + "?offset=2&limit=2");
    assertThat(ids(page)).containsExactly("u-c", "u-d");
    assertThat(ranks(page)).containsExactly(3, 4);
    assertThat(page.path("totalUsers").asLong()).isEqualTo(7);

    JsonNode last = api.json("/api/v1/leaderboards/" + BOARD + "?offset=6&limit=5");
    assertThat(ids(last)).containsExactly("u-g");
    assertThat(ranks(last)).containsExactly(7);

    JsonNode beyond = api.json("/api/v1/leaderboards/" + BOARD + "?offset=7");
    assertThat(beyond.path("entries").isEmpty()).isTrue();
    assertThat(beyond.path("totalUsers").asLong()).isEqualTo(7);
  }

  @Test
  void aroundIsClippedAtBothEndsOfTheBoard() {
    JsonNode top = api.json("/api/v1/leaderboards/" + BOARD + "/around/u-b?radius=2");
    assertThat(ids(top)).containsExactly("u-a", "u-b", "u-c", "u-d");
    assertThat(ranks(top)).containsExactly(1, 2, 3, 4);
    assertThat(top.path("totalUsers").asLong()).isEqualTo(7);

    JsonNode bottom = api.json("/api/v1/leaderboards/" + BOARD + "/around/u-g?radius=2");
    assertThat(ids(bottom)).containsExactly("u-e", "u-f", "u-g");
    assertThat(ranks(bottom)).containsExactly(5, 6, 7);

    JsonNode middle = api.json("/api/v1/leaderboards/" + BOARD + "/around/u-d");
    assertThat(ids(middle)).hasSize(7);
    assertThat(ids(api.json("/api/v1/leaderboards/" + BOARD + "/around/u-d?radius=0")))
        .containsExactly("u-d");
  }

  @Test
  void friendsAreRankedAmongThemselvesWithTheirBoardRanksAndUnknownIdsLeftOut() {
    JsonNode friends =
        api.json("/api/v1/leaderboards/" + BOARD + "/users?ids=u-g,u-b,nobody,u-d,u-b");
    assertThat(ids(friends)).containsExactly("u-b", "u-d", "u-g");
    assertThat(ranks(friends)).containsExactly(1, 2, 3);
    assertThat(
            StreamSupport.stream(friends.path("entries").spliterator(), false)
                .map(e -> e.path("boardRank").asInt())
                .toList())
        .containsExactly(2, 4, 7);
    assertThat(friends.path("totalUsers").asLong()).isEqualTo(7);
    assertThat(
            api.json("/api/v1/leaderboards/" + BOARD + "/users?ids=nobody")
                .path("entries")
                .isEmpty())
        .isTrue();
  }

  @Test
  void anExplicitPastSeasonIsReadInsteadOfTheCurrentOne() {
    assertThat(api.json(path(SEASONED, "u-x")).path("score").asLong()).isEqualTo(10);
    assertProblem(api.get(path(SEASONED, "u-y")), 404, "USER_NOT_ON_BOARD");

    JsonNode past = api.json(path(SEASONED, "u-y") + "?season=" + YESTERDAY);
    assertThat(past.path("rank").asInt()).isEqualTo(2);
    assertThat(past.path("score").asLong()).isEqualTo(50);
    assertThat(past.path("totalUsers").asLong()).isEqualTo(2);

    JsonNode page = api.json("/api/v1/leaderboards/" + SEASONED + "?season=" + YESTERDAY);
    assertThat(page.path("season").asString()).isEqualTo(YESTERDAY);
    assertThat(ids(page)).containsExactly("u-x", "u-y");
    JsonNode around =
        api.json("/api/v1/leaderboards/" + SEASONED + "/around/u-y?season=" + YESTERDAY);
    assertThat(around.path("season").asString()).isEqualTo(YESTERDAY);
    assertThat(ids(around)).containsExactly("u-x", "u-y");
    JsonNode friends =
        api.json("/api/v1/leaderboards/" + SEASONED + "/users?ids=u-y&season=" + YESTERDAY);
    assertThat(ids(friends)).containsExactly("u-y");
  }

  @Test
  void unknownBoardsAndUsersAre404WithTheirCodes() {
    assertProblem(api.get(path("ghost-board", "u-a")), 404, "BOARD_NOT_FOUND");
    assertProblem(
        api.get("/api/v1/leaderboards/ghost-board/around/u-a?season=" + YESTERDAY),
        404,
        "BOARD_NOT_FOUND");
    assertProblem(
        api.get("/api/v1/leaderboards/ghost-board/users?ids=u-a"), 404, "BOARD_NOT_FOUND");
    assertProblem(api.get(path("nobody")), 404, "USER_NOT_ON_BOARD");
    assertProblem(
        api.get("/api/v1/leaderboards/" + BOARD + "/around/nobody"), 404, "USER_NOT_ON_BOARD");
  }

  @Test
  void meIsTheCallerOfAValidBearerToken() {
    String token = gateway.token("u-d");
    HttpResponse<String> me = api.get("/api/v1/leaderboards/" + BOARD + "/users/me", token);
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(ReadApi.json(me).path("userId").asString()).isEqualTo("u-d");
    assertThat(ReadApi.json(me).path("rank").asInt()).isEqualTo(4);

    HttpResponse<String> around =
        api.get("/api/v1/leaderboards/" + BOARD + "/around/me?radius=1", token);
    assertThat(ids(ReadApi.json(around))).containsExactly("u-c", "u-d", "u-e");

    HttpResponse<String> anonymous = api.get("/api/v1/leaderboards/" + BOARD + "/users/me");
    assertProblem(anonymous, 401, "UNAUTHORIZED");
    assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    assertProblem(
        api.get("/api/v1/leaderboards/" + BOARD + "/around/me", token + "x"), 401, "UNAUTHORIZED");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/v1/leaderboards/NOPE/users/u-a",
        "/api/v1/leaderboards/rank-board/users/u-a?season=last-week",
        "/api/v1/leaderboards/rank-board/around/u-a?radius=26",
        "/api/v1/leaderboards/rank-board/around/u-a?radius=-1",
        "/api/v1/leaderboards/rank-board/around/u-a?radius=five",
        "/api/v1/leaderboards/rank-board?offset=-1",
        "/api/v1/leaderboards/rank-board?offset=x",
        "/api/v1/leaderboards/rank-board?offset=1&limit=101",
        "/api/v1/leaderboards/rank-board/users",
        "/api/v1/leaderboards/rank-board/users?ids=",
        "/api/v1/leaderboards/rank-board/users?ids=a,,b",
      })
  void badInputIsValidationFailed(String uri) {
    assertProblem(api.get(uri), 400, "VALIDATION_FAILED");
  }

  @Test
  void moreThanAHundredIdsIsValidationFailed() {
    String ids =
        IntStream.rangeClosed(1, 101).mapToObj(i -> "u" + i).collect(Collectors.joining(","));
    assertProblem(
        api.get("/api/v1/leaderboards/" + BOARD + "/users?ids=" + ids), 400, "VALIDATION_FAILED");
    String hundred =
        IntStream.rangeClosed(1, 100).mapToObj(i -> "u" + i).collect(Collectors.joining(","));
    assertThat(api.get("/api/v1/leaderboards/" + BOARD + "/users?ids=" + hundred).statusCode())
        .isEqualTo(200);
  }

  private static String path(String userId) {
    return path(BOARD, userId);
  }

  private static String path(String board, String userId) {
    return "/api/v1/leaderboards/" + board + "/users/" + userId;
  }

  private static List<String> ids(JsonNode body) {
    return StreamSupport.stream(body.path("entries").spliterator(), false)
        .map(e -> e.path("userId").asString())
        .toList();
  }

  private static List<Integer> ranks(JsonNode body) {
    return StreamSupport.stream(body.path("entries").spliterator(), false)
        .map(e -> e.path("rank").asInt())
        .toList();
  }

  static void assertProblem(HttpResponse<String> response, int status, String code) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(ReadApi.json(response).path("code").asString()).isEqualTo(code);
  }
}
