package dev.livescoreboard.command.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livescoreboard.command.RulesTestBase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ProfileIT extends RulesTestBase {

  private String completeOn(String bearer, String actionType, String board) {
    Response started = start(bearer, actionType, board);
    assertThat(started.status()).isEqualTo(201);
    Response completed = complete(bearer, started.body().path("actionToken").asString());
    assertThat(completed.status()).isEqualTo(200);
    return completed.body().path("eventId").asString();
  }

  @Test
  void meShowsTheProfileAndTheScorePerBoardAtOnce() {
    createSideBoard();
    String user = newUserId();
    provision(user);
    String bearer = tokenFor(user);
    completeOn(bearer, "COMPLETE_LEVEL", "global");
    completeOn(bearer, "WIN_MATCH", "global");
    completeOn(bearer, "COMPLETE_LEVEL", SIDE_BOARD);

    Response me = get("/api/v1/users/me", bearer);

    assertThat(me.status()).isEqualTo(200);
    assertThat(me.body().path("userId").asString()).isEqualTo(user);
    assertThat(me.body().path("displayName").asString()).isEqualTo("Player");
    assertThat(me.body().path("public").asBoolean()).isTrue();
    assertThat(me.body().path("status").asString()).isEqualTo("active");
    JsonNode scores = me.body().path("scores");
    assertThat(scores.size()).isEqualTo(2);
    assertThat(scores.get(0).path("board").asString()).isEqualTo("global");
    assertThat(scores.get(0).path("season").asString()).isEqualTo("all-time");
    assertThat(scores.get(0).path("score").asLong()).isEqualTo(30);
    assertThat(scores.get(0).path("version").asLong()).isEqualTo(2);
    assertThat(Instant.parse(scores.get(0).path("reachedAt").asString())).isBefore(Instant.now());
    assertThat(scores.get(1).path("board").asString()).isEqualTo(SIDE_BOARD);
    assertThat(scores.get(1).path("score").asLong()).isEqualTo(10);
  }

  @Test
  void aNewUserHasNoScoresAndAFrozenOneMayStillLook() {
    String user = newUserId();
    provision(user);
    jdbc.sql("UPDATE users SET status = 'frozen' WHERE id = ?").param(user).update();

    Response me = get("/api/v1/users/me", tokenFor(user));

    assertThat(me.status()).isEqualTo(200);
    assertThat(me.body().path("status").asString()).isEqualTo("frozen");
    assertThat(me.body().path("scores").size()).isZero();
  }

  @Test
  void unknownUserIsNotFound() {
    String bearer = tokenFor(newUserId());

    assertThat(get("/api/v1/users/me", bearer).code()).isEqualTo("USER_NOT_FOUND");
    assertThat(get("/api/v1/users/me/history", bearer).status()).isEqualTo(404);
  }

  @Test
  void historyPagesNewestFirstWithACursorAndFiltersByBoard() {
    createSideBoard();
    String user = newUserId();
    provision(user);
    String bearer = tokenFor(user);
    List<String> committed = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      committed.add(completeOn(bearer, i % 2 == 0 ? "COMPLETE_LEVEL" : "WIN_MATCH", "global"));
    }
    committed.add(completeOn(bearer, "COMPLETE_LEVEL", SIDE_BOARD));
    committed.add(completeOn(bearer, "COMPLETE_LEVEL", "global"));

    List<String> seen = new ArrayList<>();
    List<Integer> pageSizes = new ArrayList<>();
    String cursor = null;
    do {
      Response page =
          get(
              "/api/v1/users/me/history?limit=3" + (cursor == null ? "" : "&cursor=" + cursor),
              bearer);
      assertThat(page.status()).isEqualTo(200);
      pageSizes.add(page.body().path("items").size());
      page.body().path("items").forEach(item -> seen.add(item.path("eventId").asString()));
      cursor = page.body().path("nextCursor").asString(null);
    } while (cursor != null);

    assertThat(pageSizes).containsExactly(3, 3, 1);
    List<String> newestFirst = new ArrayList<>(committed);
    Collections.reverse(newestFirst);
    assertThat(seen).isEqualTo(newestFirst);

    Response side = get("/api/v1/users/me/history?board=" + SIDE_BOARD, bearer);
    assertThat(side.body().path("items").size()).isOne();
    JsonNode item = side.body().path("items").get(0);
    assertThat(item.path("eventId").asString()).isEqualTo(committed.get(5));
    assertThat(item.path("board").asString()).isEqualTo(SIDE_BOARD);
    assertThat(item.path("season").asString()).isEqualTo("all-time");
    assertThat(item.path("actionType").asString()).isEqualTo("COMPLETE_LEVEL");
    assertThat(item.has("reason")).isFalse();
    assertThat(item.path("delta").asLong()).isEqualTo(10);
    assertThat(item.path("previousScore").asLong()).isZero();
    assertThat(item.path("newScore").asLong()).isEqualTo(10);
    assertThat(item.path("userVersion").asLong()).isOne();
    assertThat(item.path("committedAt").asString()).isNotEmpty();
    assertThat(side.body().path("nextCursor").isNull()).isTrue();

    Response firstOnly = get("/api/v1/users/me/history?board=global&limit=1", bearer);
    assertThat(firstOnly.body().path("items").get(0).path("eventId").asString())
        .isEqualTo(committed.get(6));
  }

  @Test
  void adminAdjustmentsShowTheirReasonInsteadOfAnActionType() {
    String user = newUserId();
    provision(user);
    jdbc.sql(
            "INSERT INTO score_events (id, board_id, season, user_id, reason, delta, previous_score,"
                + " new_score, user_version, reached_at, committed_at) VALUES (gen_random_uuid(),"
                + " 'global', 'all-time', ?, 'goodwill', 7, 0, 7, 1, now(), now())")
        .param(user)
        .update();

    JsonNode item = get("/api/v1/users/me/history", tokenFor(user)).body().path("items").get(0);

    assertThat(item.path("reason").asString()).isEqualTo("goodwill");
    assertThat(item.has("actionType")).isFalse();
  }

  @Test
  void badParametersAreRefused() {
    String user = newUserId();
    provision(user);
    String bearer = tokenFor(user);

    for (String query :
        List.of("limit=0", "limit=101", "limit=abc", "cursor=garbage", "board=Not%20A%20Board")) {
      Response refused = get("/api/v1/users/me/history?" + query, bearer);
      assertThat(refused.status()).as(query).isEqualTo(400);
      assertThat(refused.code()).as(query).isEqualTo("VALIDATION_FAILED");
    }
    assertThat(get("/api/v1/users/me/history?board=no-such-board", bearer).code())
        .isEqualTo("BOARD_NOT_FOUND");
    assertThat(get("/api/v1/users/me/history?limit=100", bearer).status()).isEqualTo(200);
  }
}
