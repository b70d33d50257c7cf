package dev.livescoreboard.command.score;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livescoreboard.command.OperatorsTestBase;
import dev.livescoreboard.command.TopicReader;
import dev.livescoreboard.events.EventJson;
import dev.livescoreboard.events.ScoreChanged;
import dev.livescoreboard.testsupport.UniqueNames;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ScoreAdjustmentIT extends OperatorsTestBase {

  private final String board = UniqueNames.of("adj");

  @Test
  void adjustingUpAndDownMovesTheScoreAndPublishesScoreChangedWithTheReason() {
    defineBoard(board, 1_000, "never");
    String user = newUserId();
    provision(user);

    Response up = adjust(user, board, 120, "compensation for ticket 4711");
    Response down = adjust(user, board, -20, "chargeback");

    assertThat(up.status()).isEqualTo(200);
    assertThat(up.body().path("userId").asString()).isEqualTo(user);
    assertThat(up.body().path("board").asString()).isEqualTo(board);
    assertThat(up.body().path("season").asString()).isEqualTo("all-time");
    assertThat(up.body().path("delta").asLong()).isEqualTo(120);
    assertThat(up.body().path("previousScore").asLong()).isZero();
    assertThat(up.body().path("newScore").asLong()).isEqualTo(120);
    assertThat(up.body().path("reason").asString()).isEqualTo("compensation for ticket 4711");
    assertThat(down.status()).isEqualTo(200);
    assertThat(down.body().path("delta").asLong()).isEqualTo(-20);
    assertThat(down.body().path("previousScore").asLong()).isEqualTo(120);
    assertThat(down.body().path("newScore").asLong()).isEqualTo(100);
    assertThat(
            count(
                "SELECT score FROM user_scores WHERE board_id = ? AND user_id = ? AND version = 2",
                board,
                user))
        .isEqualTo(100);
    assertThat(
            count(
                "SELECT count(*) FROM score_events WHERE id = ?::uuid AND action_type IS NULL"
                    + " AND reason = 'chargeback' AND delta = -20 AND user_version = 2",
                down.body().path("eventId").asString()))
        .isOne();

    try (TopicReader reader = new TopicReader(topic)) {
      List<ScoreChanged> mine =
          reader.readUntil(records -> ofKey(records, board + ":" + user).size() == 2).stream()
              .filter(r -> r.key().equals(board + ":" + user))
              .map(r -> EventJson.fromBytes(r.value(), ScoreChanged.class))
              .toList();
      assertThat(mine).extracting(ScoreChanged::type).containsOnly("SCORE_CHANGED");
      assertThat(mine).extracting(ScoreChanged::actionType).containsOnlyNulls();
      assertThat(mine)
          .extracting(ScoreChanged::reason)
          .containsExactly("compensation for ticket 4711", "chargeback");
      assertThat(mine).extracting(ScoreChanged::delta).containsExactly(120L, -20L);
      assertThat(mine).extracting(ScoreChanged::newScore).containsExactly(120L, 100L);
      assertThat(mine).extracting(ScoreChanged::userVersion).containsExactly(1L, 2L);
      assertThat(mine.get(1).eventId().toString())
          .isEqualTo(down.body().path("eventId").asString());
      assertThat(mine.get(1).displayName()).isEqualTo("Player");
    }
  }

  @Test
  void everyAdjustmentWritesAnAuditRowWithTheAdminAndTheReason() {
    defineBoard(board, 1_000, "never");
    String user = newUserId();
    provision(user);

    Response adjusted = adjust(user, board, 7, "bug bounty");

    assertThat(adjusted.status()).isEqualTo(200);
    Map<String, Object> row =
        jdbc.sql(
                "SELECT actor, action, reason, details::text AS details FROM admin_audit"
                    + " WHERE target = ?")
            .param("user:" + user)
            .query()
            .singleRow();
    assertThat(row.get("actor")).isEqualTo(adminId);
    assertThat(row.get("action")).isEqualTo("SCORE_ADJUSTED");
    assertThat(row.get("reason")).isEqualTo("bug bounty");
    JsonNode details = JSON.readTree((String) row.get("details"));
    assertThat(details.path("board").asString()).isEqualTo(board);
    assertThat(details.path("season").asString()).isEqualTo("all-time");
    assertThat(details.path("delta").asLong()).isEqualTo(7);
    assertThat(details.path("previousScore").asLong()).isZero();
    assertThat(details.path("newScore").asLong()).isEqualTo(7);
    assertThat(details.path("eventId").asString())
        .isEqualTo(adjusted.body().path("eventId").asString());
  }

  @Test
  void refusedAdjustmentsChangeNothing() {
    defineBoard(board, 100, "never");
    String user = newUserId();
    provision(user);
    assertThat(adjust(user, board, 50, "start").status()).isEqualTo(200);
    String before = footprint(user);

    assertRefused(adjust(user, board, -51, "too much"), 409, "SCORE_BELOW_ZERO");
    assertRefused(adjust(user, board, 51, "too much"), 409, "SCORE_CAP_REACHED");
    assertRefused(adjust(user, board, Long.MAX_VALUE, "overflow"), 409, "SCORE_CAP_REACHED");
    assertRefused(adjust(user, board, Long.MIN_VALUE, "overflow"), 409, "SCORE_BELOW_ZERO");
    assertRefused(adjust(user, "no-such-board", 1, "why"), 404, "BOARD_NOT_FOUND");
    assertRefused(adjust(user, "Not A Board!", 1, "why"), 400, "VALIDATION_FAILED");
    assertRefused(adjust(user, board, 0, "nothing"), 400, "VALIDATION_FAILED");
    assertRefused(adjust(user, board, 1.5, "fraction"), 400, "VALIDATION_FAILED");
    assertRefused(adjust(user, board, "1", "a string"), 400, "VALIDATION_FAILED");
    assertRefused(adjust(user, board, 1, null), 400, "VALIDATION_FAILED");
    assertRefused(adjust(user, board, 1, ""), 400, "VALIDATION_FAILED");
    assertRefused(adjust(user, board, 1, "   "), 400, "VALIDATION_FAILED");
    assertRefused(adjust(user, board, 1, "x".repeat(501)), 400, "VALIDATION_FAILED");
    assertRefused(adjust(user, board, 1, "line\nbreak"), 400, "VALIDATION_FAILED");
    assertRefused(
        post(
            "/api/v1/admin/users/" + user + "/adjustments",
            admin,
            Map.of("board", board, "delta", 1, "reason", "why", "points", 1)),
        400,
        "VALIDATION_FAILED");
    assertRefused(
        post(
            "/api/v1/admin/users/" + user + "/adjustments",
            tokenFor(user),
            Map.of("board", board, "delta", 1, "reason", "I deserve it")),
        403,
        "FORBIDDEN");
    assertRefused(
        post(
            "/api/v1/admin/users/" + user + "/adjustments",
            null,
            Map.of("board", board, "delta", 1, "reason", "anonymous")),
        401,
        "UNAUTHORIZED");

    assertThat(footprint(user)).isEqualTo(before);
    // 500 characters is the most a reason may have, and exactly up to the cap is allowed.
    assertThat(adjust(user, board, 50, "y".repeat(500)).body().path("newScore").asLong())
        .isEqualTo(100);
    assertThat(adjust(user, board, -100, "back to zero").body().path("newScore").asLong()).isZero();
  }

  @Test
  void unknownFrozenAndNeverRegisteredUsersAreRefused() {
    defineBoard(board, 100, "never");
    String unknown = newUserId();
    String frozen = newUserId();
    provision(frozen);
    assertThat(post("/api/v1/admin/users/" + frozen + "/freeze", admin, "").status())
        .isEqualTo(200);

    assertRefused(adjust(unknown, board, 5, "who?"), 404, "USER_NOT_FOUND");
    assertRefused(adjust(frozen, board, 5, "sneak back"), 403, "USER_FROZEN");

    assertThat(count("SELECT count(*) FROM users WHERE id = ?", unknown)).isZero();
    assertThat(footprint(frozen)).isEqualTo("0/0/0/0/0");
  }

  @Test
  void aRetryWithTheSameIdempotencyKeyCountsOnce() {
    defineBoard(board, 1_000, "never");
    String user = newUserId();
    provision(user);
    String body = JSON.writeValueAsString(Map.of("board", board, "delta", 5, "reason", "retry"));
    Map<String, String> key = Map.of("Idempotency-Key", UniqueNames.of("adjust"));
    String path = "/api/v1/admin/users/" + user + "/adjustments";

    Response first = post(path, admin, body, key);
    Response retry = post(path, admin, body, key);

    assertThat(first.status()).isEqualTo(200);
    assertThat(retry.status()).isEqualTo(200);
    assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(retry.body()).isEqualTo(first.body());
    assertThat(
            count("SELECT score FROM user_scores WHERE board_id = ? AND user_id = ?", board, user))
        .isEqualTo(5);
    assertThat(count("SELECT count(*) FROM admin_audit WHERE target = ?", "user:" + user)).isOne();
  }

  @Test
  void aFallAlsoMovesTheReachTimeSoTheUserRanksAfterThoseWhoHadTheScoreBefore() {
    defineBoard(board, 1_000, "never");
    String user = newUserId();
    provision(user);
    adjust(user, board, 30, "up");
    String reachedUp = reachedAt(user);

    adjust(user, board, -10, "down");

    assertThat(reachedAt(user)).isGreaterThan(reachedUp);
    assertThat(
            count(
                "SELECT count(*) FROM score_events e JOIN user_scores s USING (board_id, season,"
                    + " user_id) WHERE e.user_id = ? AND e.user_version = 2"
                    + " AND e.reached_at = s.reached_at AND e.committed_at = e.reached_at",
                user))
        .isOne();
  }

  private String reachedAt(String user) {
    return jdbc.sql(
            "SELECT to_char(reached_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US')"
                + " FROM user_scores WHERE board_id = ? AND user_id = ?")
        .param(board)
        .param(user)
        .query(String.class)
        .single();
  }

  private static void assertRefused(Response response, int status, String code) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.code()).as(response.toString()).isEqualTo(code);
  }

  private static List<ConsumerRecord<String, byte[]>> ofKey(
      List<ConsumerRecord<String, byte[]>> records, String key) {
    return records.stream().filter(r -> key.equals(r.key())).toList();
  }
}
