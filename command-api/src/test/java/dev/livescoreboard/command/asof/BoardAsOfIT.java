package dev.livescoreboard.command.asof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livescoreboard.command.OperatorsTestBase;
import dev.livescoreboard.events.Seasons;
import dev.livescoreboard.testsupport.UniqueNames;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class BoardAsOfIT extends OperatorsTestBase {

  @Test
  void answersTheBoardAtEachInstantOfASequenceOfCompletesAndAdjustments() {
    String board = "ops-d";
    defineBoard(board, 1_000, "never");
    String alice = newUserId();
    String bob = newUserId();
    String carol = newUserId();
    String dave = newUserId();
    provision(alice, bob, carol, dave);

    String e1 = eventId(completeOn(alice, board)); // alice 10
    String e2 = eventId(completeOn(bob, board)); // bob 10, reached after alice
    String e3 = eventId(adjust(carol, board, 15, "prize")); // carol 15
    String e4 = eventId(adjust(alice, board, -5, "penalty")); // alice 5
    String e5 = eventId(completeOn(bob, board)); // bob 20
    String e6 = eventId(adjust(carol, board, 5, "bonus")); // carol 20, reached after bob
    completeOn(dave, board); // dave 10, then frozen: off this view as off the live board
    assertThat(post("/api/v1/admin/users/" + dave + "/freeze", admin, "", Map.of()).status())
        .isEqualTo(200);
    Map<String, Instant> committed = committedAt(alice, bob, carol);

    assertThat(standings(board, committed.get(e1).minus(1, ChronoUnit.MICROS))).isEmpty();
    assertThat(standings(board, committed.get(e1))).containsExactly(alice + "=10");
    assertThat(standings(board, committed.get(e2))).containsExactly(alice + "=10", bob + "=10");
    assertThat(standings(board, committed.get(e3)))
        .containsExactly(carol + "=15", alice + "=10", bob + "=10");
    assertThat(standings(board, committed.get(e4)))
        .containsExactly(carol + "=15", bob + "=10", alice + "=5");
    assertThat(standings(board, committed.get(e5)))
        .containsExactly(bob + "=20", carol + "=15", alice + "=5");
    assertThat(standings(board, committed.get(e6)))
        .containsExactly(bob + "=20", carol + "=20", alice + "=5");

    Response now = asOf(board, "at=" + Instant.now());
    assertThat(now.status()).isEqualTo(200);
    assertThat(now.body().path("board").asString()).isEqualTo(board);
    assertThat(now.body().path("season").asString()).isEqualTo("all-time");
    assertThat(now.body().path("totalUsers").asLong()).isEqualTo(3);
    JsonNode first = now.body().path("entries").get(0);
    assertThat(first.path("rank").asLong()).isOne();
    assertThat(first.path("userId").asString()).isEqualTo(bob);
    assertThat(first.path("displayName").asString()).isEqualTo("Player");
    assertThat(first.path("score").asLong()).isEqualTo(20);
    assertThat(Instant.parse(first.path("reachedAt").asString())).isEqualTo(committed.get(e5));
    assertThat(now.body().path("entries"))
        .extracting(e -> e.path("rank").asLong())
        .containsExactly(1L, 2L, 3L);
    // The present moment is the live ranking (what the projector shows from user_scores).
    assertThat(standings(board, Instant.now())).containsExactlyElementsOf(live(board));

    Response top2 = asOf(board, "at=" + Instant.now() + "&limit=2");
    assertThat(top2.body().path("entries")).hasSize(2);
    assertThat(top2.body().path("totalUsers").asLong()).isEqualTo(3);
  }

  @Test
  void theSeasonDefaultsToTheOneCurrentAtTheInstant() {
    String board = UniqueNames.of("asof");
    defineBoard(board, 1_000, "daily");
    String user = newUserId();
    provision(user);
    String today = adjust(user, board, 3, "daily bonus").body().path("season").asString();
    Instant yesterday = Instant.now().minus(1, ChronoUnit.DAYS);

    Response current = asOf(board, "at=" + Instant.now());
    Response before = asOf(board, "at=" + yesterday);
    Response explicit = asOf(board, "at=" + Instant.now() + "&season=" + today);

    assertThat(current.body().path("season").asString()).isEqualTo(today);
    assertThat(current.body().path("entries")).hasSize(1);
    assertThat(before.body().path("season").asString())
        .isEqualTo(Seasons.current("daily", yesterday));
    assertThat(before.body().path("entries")).isEmpty();
    assertThat(before.body().path("totalUsers").asLong()).isZero();
    assertThat(explicit.body().path("entries")).hasSize(1);
  }

  @Test
  void refusals() {
    String board = UniqueNames.of("asof");
    defineBoard(board, 1_000, "never");
    String at = "at=" + Instant.now();

    assertThat(get("/api/v1/admin/boards/" + board + "/as-of?" + at, tokenFor(newUserId())).code())
        .isEqualTo("FORBIDDEN");
    assertThat(asOf("no-such-board", at).code()).isEqualTo("BOARD_NOT_FOUND");
    for (String query :
        List.of(
            "",
            "at=yesterday",
            "at=" + Instant.now().plus(1, ChronoUnit.HOURS),
            at + "&season=last-week",
            at + "&limit=0",
            at + "&limit=101")) {
      Response refused = asOf(board, query);
      assertThat(refused.status()).as(query).isEqualTo(400);
      assertThat(refused.code()).as(query).isEqualTo("VALIDATION_FAILED");
    }
  }

  private Response asOf(String board, String query) {
    return get("/api/v1/admin/boards/" + board + "/as-of?" + query, admin);
  }

  /** {@code userId=score} of each entry at {@code at}, best first. */
  private List<String> standings(String board, Instant at) {
    Response response = asOf(board, "at=" + at);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    List<String> entries = new java.util.ArrayList<>();
    response
        .body()
        .path("entries")
        .forEach(e -> entries.add(e.path("userId").asString() + "=" + e.path("score").asLong()));
    assertThat(response.body().path("totalUsers").asLong()).isEqualTo(entries.size());
    return entries;
  }

  /** The live order of the board's active users, by the ranking rule over user_scores. */
  private List<String> live(String board) {
    return jdbc.sql(
            """
            SELECT s.user_id || '=' || s.score FROM user_scores s JOIN users u ON u.id = s.user_id
            WHERE s.board_id = ? AND u.status = 'active'
            ORDER BY s.score DESC, s.reached_at, s.user_id COLLATE "C"
            """)
        .param(board)
        .query(String.class)
        .list();
  }

  /** The commit time of every event of {@code users}, read through the admin history. */
  private Map<String, Instant> committedAt(String... users) {
    Map<String, Instant> times = new HashMap<>();
    for (String user : users) {
      get("/api/v1/admin/users/" + user + "/history?limit=100", admin)
          .body()
          .path("items")
          .forEach(
              item ->
                  times.put(
                      item.path("eventId").asString(),
                      Instant.parse(item.path("committedAt").asString())));
    }
    return times;
  }

  private static String eventId(Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.body().path("eventId").asString();
  }
}
