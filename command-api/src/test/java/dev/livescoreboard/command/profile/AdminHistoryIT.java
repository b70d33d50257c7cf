package dev.livescoreboard.command.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livescoreboard.command.OperatorsTestBase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AdminHistoryIT extends OperatorsTestBase {

  @Test
  void anyUsersEventsArePagedNewestFirstShowingTheActionOrTheReason() {
    defineBoard("ops-a", 1_000, "never");
    String user = newUserId();
    provision(user);
    completeOn(user, "ops-a");
    adjust(user, "ops-a", 5, "first");
    completeOn(user, "ops-a");
    adjust(user, "ops-a", -3, "second");
    completeOn(user, "ops-a");
    // The admin sees a frozen user's history too: investigating them is what it is for.
    post("/api/v1/admin/users/" + user + "/freeze", admin, "", java.util.Map.of());

    List<JsonNode> items = new ArrayList<>();
    List<Integer> pageSizes = new ArrayList<>();
    String cursor = null;
    do {
      Response page =
          get(
              "/api/v1/admin/users/"
                  + user
                  + "/history?limit=2"
                  + (cursor == null ? "" : "&cursor=" + cursor),
              admin);
      assertThat(page.status()).as(page.toString()).isEqualTo(200);
      page.body().path("items").forEach(items::add);
      pageSizes.add(page.body().path("items").size());
      cursor = page.body().path("nextCursor").asString(null);
    } while (cursor != null);

    assertThat(pageSizes).containsExactly(2, 2, 1);
    assertThat(items)
        .extracting(i -> i.path("userVersion").asLong())
        .containsExactly(5L, 4L, 3L, 2L, 1L);
    assertThat(items)
        .extracting(i -> i.path("actionType").asString("-") + "/" + i.path("reason").asString("-"))
        .containsExactly(
            "COMPLETE_LEVEL/-", "-/second", "COMPLETE_LEVEL/-", "-/first", "COMPLETE_LEVEL/-");
    assertThat(items)
        .extracting(i -> i.path("newScore").asLong())
        .containsExactly(32L, 22L, 25L, 15L, 10L);
  }

  @Test
  void historyFiltersByBoardAndSeason() {
    defineBoard("ops-b", 1_000, "never");
    defineBoard("ops-c", 1_000, "daily");
    String user = newUserId();
    provision(user);
    completeOn(user, "ops-b");
    Response daily = completeOn(user, "ops-c");
    String today = daily.body().path("season").asString();

    Response onB = get("/api/v1/admin/users/" + user + "/history?board=ops-b", admin);
    Response today0 =
        get("/api/v1/admin/users/" + user + "/history?board=ops-c&season=" + today, admin);
    Response otherDay = get("/api/v1/admin/users/" + user + "/history?season=2020-01-01", admin);

    assertThat(onB.body().path("items"))
        .extracting(i -> i.path("board").asString())
        .containsExactly("ops-b");
    assertThat(today0.body().path("items"))
        .extracting(i -> i.path("season").asString())
        .containsExactly(today);
    assertThat(otherDay.body().path("items")).isEmpty();
  }

  @Test
  void refusals() {
    String user = newUserId();
    provision(user);
    String path = "/api/v1/admin/users/" + user + "/history";

    assertThat(get(path, tokenFor(user)).code()).isEqualTo("FORBIDDEN");
    assertThat(get("/api/v1/admin/users/" + newUserId() + "/history", admin).code())
        .isEqualTo("USER_NOT_FOUND");
    assertThat(get(path + "?board=no-such-board", admin).code()).isEqualTo("BOARD_NOT_FOUND");
    assertThat(get(path + "?season=yesterday", admin).code()).isEqualTo("VALIDATION_FAILED");
    assertThat(get(path + "?limit=101", admin).code()).isEqualTo("VALIDATION_FAILED");
    assertThat(get(path + "?cursor=bm9wZQ", admin).code()).isEqualTo("VALIDATION_FAILED");
  }
}
