package dev.livescoreboard.command.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livescoreboard.command.RulesTestBase;
import dev.livescoreboard.command.TopicReader;
import dev.livescoreboard.events.EntryChanged;
import dev.livescoreboard.events.EventKeys;
import dev.livescoreboard.events.ScoreChanged;
import dev.livescoreboard.events.ScoreboardEvent;
import dev.livescoreboard.events.ScoreboardEventDeserializer;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Freeze, unfreeze, rename, visibility and erase: each bumps every entry of the user and announces
 * it as ENTRY_CHANGED through the outbox, audited, or refuses clearly.
 */
class UserEntryChangesIT extends RulesTestBase {

  @BeforeEach
  void sideBoard() {
    createSideBoard();
  }

  /** A provisioned user with one score on global (20) and one on the side board (10). */
  private String scoredUser(String name) {
    String user = newUserId();
    Response provisioned =
        post(
            "/api/v1/admin/users",
            adminToken(),
            Map.of("users", List.of(Map.of("userId", user, "displayName", name))));
    assertThat(provisioned.status()).isEqualTo(200);
    String bearer = tokenFor(user);
    assertThat(complete(bearer, startAction(bearer, "WIN_MATCH")).status()).isEqualTo(200);
    String side = start(bearer, "COMPLETE_LEVEL", SIDE_BOARD).body().path("actionToken").asString();
    assertThat(complete(bearer, side).status()).isEqualTo(200);
    return user;
  }

  private Response admin(String user, String what, Object body) {
    return post("/api/v1/admin/users/" + user + "/" + what, adminToken(), body);
  }

  /** The payloads of the user's ENTRY_CHANGED outbox rows, oldest first. */
  private List<JsonNode> entryChanges(String user) {
    return jdbc
        .sql(
            "SELECT payload FROM outbox WHERE type = 'ENTRY_CHANGED' AND aggregateid LIKE ?"
                + " ORDER BY id")
        .param("%:" + user)
        .query(String.class)
        .list()
        .stream()
        .map(JSON::readTree)
        .toList();
  }

  private long versionOn(String board, String user) {
    return count("SELECT version FROM user_scores WHERE board_id = ? AND user_id = ?", board, user);
  }

  @Test
  void freezeAnnouncesEveryEntryOnceAndUnfreezeRestoresThemWithTheirScores() {
    String user = scoredUser("Frosty");

    Response frozen = admin(user, "freeze", Map.of("reason", "bot-like pattern"));
    Response again = admin(user, "freeze", "");

    assertThat(frozen.status()).isEqualTo(200);
    assertThat(frozen.body().path("status").asString()).isEqualTo("frozen");
    assertThat(again.status()).isEqualTo(200);
    List<JsonNode> events = entryChanges(user);
    assertThat(events).hasSize(2);
    assertThat(events)
        .extracting(e -> e.path("board").asString())
        .containsExactly("global", SIDE_BOARD);
    for (JsonNode event : events) {
      assertThat(event.path("status").asString()).isEqualTo("frozen");
      assertThat(event.path("change").asString()).isEqualTo("FROZEN");
      assertThat(event.path("userVersion").asLong()).isEqualTo(2);
      assertThat(event.path("displayName").asString()).isEqualTo("Frosty");
      assertThat(event.path("forget").asBoolean()).isFalse();
    }
    assertThat(events.get(0).path("score").asLong()).isEqualTo(20);
    assertThat(events.get(1).path("score").asLong()).isEqualTo(10);
    assertThat(versionOn("global", user)).isEqualTo(2);
    assertThat(
            count(
                "SELECT count(*) FROM admin_audit WHERE target = ? AND action = 'USER_FROZEN'"
                    + " AND reason = 'bot-like pattern' AND actor LIKE 'admin%'",
                "user:" + user))
        .as("one audit row for the change, none for the repeat")
        .isOne();

    assertThat(admin(user, "unfreeze", "").body().path("status").asString()).isEqualTo("active");
    String bearer = tokenFor(user);
    Response scored = complete(bearer, startAction(bearer, "WIN_MATCH"));

    List<JsonNode> after = entryChanges(user);
    assertThat(after).hasSize(4);
    assertThat(after.get(2).path("change").asString()).isEqualTo("UNFROZEN");
    assertThat(after.get(2).path("status").asString()).isEqualTo("active");
    assertThat(after.get(2).path("userVersion").asLong()).isEqualTo(3);
    assertThat(after.get(2).path("score").asLong()).isEqualTo(20);
    assertThat(after.get(2).path("reachedAt").asString())
        .isEqualTo(events.get(0).path("reachedAt").asString());
    assertThat(scored.body().path("newScore").asLong()).isEqualTo(40);
    assertThat(versionOn("global", user)).as("the score change takes the next number").isEqualTo(4);
  }

  @Test
  void noScoreChangeSlipsPastAFreezeRacingWithCompletes() throws Exception {
    String user = scoredUser("Racer");
    String bearer = tokenFor(user);
    List<String> tokens = new java.util.ArrayList<>();
    for (int i = 0; i < 12; i++) {
      tokens.add(startAction(bearer, "WIN_MATCH"));
    }

    var pool = java.util.concurrent.Executors.newFixedThreadPool(13);
    try {
      var start = new java.util.concurrent.CountDownLatch(1);
      List<java.util.concurrent.Future<Response>> completes = new java.util.ArrayList<>();
      for (String token : tokens) {
        completes.add(
            pool.submit(
                () -> {
                  start.await();
                  return complete(bearer, token);
                }));
      }
      var frozen =
          pool.submit(
              () -> {
                start.await();
                return admin(user, "freeze", "");
              });
      start.countDown();
      assertThat(frozen.get().status()).isEqualTo(200);
      for (var completed : completes) {
        assertThat(completed.get().status()).isIn(200, 403);
      }
    } finally {
      pool.shutdownNow();
    }

    // In version order on global: every score change comes before the freeze, none after it.
    List<String> types =
        jdbc.sql(
                "SELECT type FROM outbox WHERE aggregateid = ?"
                    + " ORDER BY (payload::jsonb ->> 'userVersion')::bigint")
            .param("global:" + user)
            .query(String.class)
            .list();
    assertThat(types.get(types.size() - 1)).isEqualTo("ENTRY_CHANGED");
    assertThat(types.subList(0, types.size() - 1)).containsOnly("SCORE_CHANGED");
    List<Long> versions =
        jdbc.sql(
                "SELECT (payload::jsonb ->> 'userVersion')::bigint FROM outbox"
                    + " WHERE aggregateid = ? ORDER BY 1")
            .param("global:" + user)
            .query(Long.class)
            .list();
    assertThat(versions)
        .as("one sequence, no number twice, none skipped")
        .containsExactlyElementsOf(
            java.util.stream.LongStream.rangeClosed(1, versions.size()).boxed().toList());
  }

  @Test
  void entryChangesReachKafkaOnTheUsersKeyInVersionOrder() {
    String user = scoredUser("Keyed");
    admin(user, "freeze", "");
    admin(user, "unfreeze", "");
    String key = EventKeys.scoreEvent("global", user);

    try (TopicReader reader = new TopicReader(topic)) {
      List<ScoreboardEvent> events =
          reader
              .readUntil(records -> records.stream().filter(r -> key.equals(r.key())).count() >= 3)
              .stream()
              .filter(r -> key.equals(r.key()))
              .map(ConsumerRecord::value)
              .map(ScoreboardEventDeserializer::read)
              .toList();

      assertThat(events.get(0)).isInstanceOf(ScoreChanged.class);
      assertThat(events.subList(1, 3))
          .allSatisfy(e -> assertThat(e).isInstanceOf(EntryChanged.class));
      assertThat(((EntryChanged) events.get(1)).status()).isEqualTo(EntryChanged.FROZEN);
      assertThat(((EntryChanged) events.get(2)).ranked()).isTrue();
      assertThat(((EntryChanged) events.get(2)).userVersion()).isEqualTo(3);
    }
  }

  @Test
  void renameAndVisibilityAreAnnouncedWithTheNameBoardsShow() {
    String user = scoredUser("Old Name");

    Response renamed =
        patch("/api/v1/admin/users/" + user, adminToken(), Map.of("displayName", "New Name"));
    Response hidden = patch("/api/v1/admin/users/" + user, adminToken(), Map.of("public", false));
    Response same =
        patch(
            "/api/v1/admin/users/" + user,
            adminToken(),
            Map.of("displayName", "New Name", "public", false));

    assertThat(renamed.status()).isEqualTo(200);
    assertThat(renamed.body().path("displayName").asString()).isEqualTo("New Name");
    assertThat(hidden.body().path("public").asBoolean()).isFalse();
    assertThat(same.status()).isEqualTo(200);
    List<JsonNode> events = entryChanges(user);
    assertThat(events).hasSize(4);
    assertThat(events.get(0).path("change").asString()).isEqualTo("RENAMED");
    assertThat(events.get(0).path("displayName").asString()).isEqualTo("New Name");
    assertThat(events.get(0).path("status").asString()).isEqualTo("active");
    assertThat(events.get(2).path("change").asString()).isEqualTo("VISIBILITY_CHANGED");
    assertThat(events.get(2).path("displayName").asString()).isEqualTo("Anonymous");
    assertThat(events.get(2).path("public").asBoolean()).isFalse();
    assertThat(count("SELECT count(*) FROM admin_audit WHERE target = ?", "user:" + user))
        .isEqualTo(2);
  }

  @Test
  void provisioningThatRenamesAnExistingUserAnnouncesIt() {
    String user = scoredUser("Before");

    post(
        "/api/v1/admin/users",
        adminToken(),
        Map.of("users", List.of(Map.of("userId", user, "displayName", "After"))));
    post(
        "/api/v1/admin/users",
        adminToken(),
        Map.of("users", List.of(Map.of("userId", user, "displayName", "After"))));

    List<JsonNode> events = entryChanges(user);
    assertThat(events).hasSize(2);
    assertThat(events)
        .allSatisfy(e -> assertThat(e.path("displayName").asString()).isEqualTo("After"));
  }

  @Test
  void badPatchesAreRefusedAndChangeNothing() {
    String user = scoredUser("Steady");
    String path = "/api/v1/admin/users/" + user;

    for (String body :
        List.of(
            "{}",
            "{\"displayName\":\"<b>bold</b>\"}",
            "{\"displayName\":\"\"}",
            "{\"public\":\"no\"}",
            "{\"displayName\":\"Ok\",\"status\":\"active\"}",
            "not json")) {
      Response refused = patch(path, adminToken(), body);
      assertThat(refused.status()).as(body).isEqualTo(400);
      assertThat(refused.code()).as(body).isEqualTo("VALIDATION_FAILED");
    }
    assertThat(entryChanges(user)).isEmpty();
    assertThat(patch(path, tokenFor(user), Map.of("public", false)).status()).isEqualTo(403);
    Response unknown =
        patch("/api/v1/admin/users/" + newUserId(), adminToken(), Map.of("public", false));
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.code()).isEqualTo("USER_NOT_FOUND");
  }

  @Test
  void eraseReplacesThePersonalDataKeepsTheEventsAndIsFinal() {
    String user = scoredUser("Real Name");
    String bearer = tokenFor(user);
    String token = startAction(bearer, "WIN_MATCH");
    Response withMetadata =
        post(
            "/api/v1/actions/complete",
            bearer,
            JSON.writeValueAsString(
                Map.of("actionToken", token, "metadata", Map.of("email", "real@example.com"))),
            Map.of("Idempotency-Key", "erase-me-1"));
    assertThat(withMetadata.status()).isEqualTo(200);
    patch("/api/v1/admin/users/" + user, adminToken(), Map.of("displayName", "Also Real"));
    String pending = startAction(bearer, "WIN_MATCH");

    Response erased = admin(user, "erase", Map.of("reason", "GDPR request 42"));

    assertThat(erased.status()).isEqualTo(200);
    assertThat(erased.body().path("status").asString()).isEqualTo("erased");
    assertThat(erased.body().path("displayName").asString()).isEqualTo("Erased user");
    assertThat(erased.body().path("public").asBoolean()).isFalse();
    assertThat(
            count(
                "SELECT count(*) FROM users WHERE id = ? AND status = 'erased'"
                    + " AND display_name = 'Erased user' AND NOT public",
                user))
        .isOne();
    assertThat(count("SELECT count(*) FROM score_events WHERE user_id = ?", user))
        .as("the events stay under the pseudonymous id")
        .isEqualTo(3);
    assertThat(
            count(
                "SELECT count(*) FROM user_scores s WHERE user_id = ? AND score = (SELECT"
                    + " sum(delta) FROM score_events e WHERE e.board_id = s.board_id"
                    + " AND e.season = s.season AND e.user_id = s.user_id)",
                user))
        .as("each score is still the sum of its events")
        .isEqualTo(2);
    assertThat(
            count(
                "SELECT count(*) FROM score_events WHERE user_id = ? AND metadata IS NOT NULL",
                user))
        .isZero();
    assertThat(count("SELECT count(*) FROM idempotency_keys WHERE user_id = ?", user)).isZero();
    String everything =
        String.join(
                "\n",
                jdbc.sql("SELECT payload FROM outbox WHERE aggregateid LIKE ?")
                    .param("%:" + user)
                    .query(String.class)
                    .list())
            + jdbc.sql("SELECT details::text FROM admin_audit WHERE target = ?")
                .param("user:" + user)
                .query(String.class)
                .list();
    assertThat(everything).doesNotContain("Real Name", "Also Real", "real@example.com");
    List<JsonNode> erasures =
        entryChanges(user).stream()
            .filter(e -> e.path("change").asString().equals("ERASED"))
            .toList();
    assertThat(erasures).hasSize(2);
    assertThat(erasures)
        .allSatisfy(
            e -> {
              assertThat(e.path("forget").asBoolean()).isTrue();
              assertThat(e.path("status").asString()).isEqualTo("erased");
              assertThat(e.path("displayName").asString()).isEqualTo("Erased user");
            });
    assertThat(
            count(
                "SELECT count(*) FROM admin_audit WHERE target = ? AND action = 'USER_ERASED'"
                    + " AND reason = 'GDPR request 42'",
                "user:" + user))
        .isOne();

    Response twice = admin(user, "erase", "");
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.code()).isEqualTo("USER_ERASED");
    assertThat(admin(user, "freeze", "").code()).isEqualTo("USER_ERASED");
    assertThat(admin(user, "unfreeze", "").code()).isEqualTo("USER_ERASED");
    assertThat(patch("/api/v1/admin/users/" + user, adminToken(), Map.of("public", true)).code())
        .isEqualTo("USER_ERASED");
    Response completeAfter = complete(bearer, pending);
    assertThat(completeAfter.status()).isEqualTo(404);
    assertThat(completeAfter.code()).isEqualTo("USER_NOT_FOUND");
    Response startAfter = post("/api/v1/actions", bearer, Map.of("actionType", "WIN_MATCH"));
    assertThat(startAfter.status()).isEqualTo(404);
    assertThat(startAfter.code()).isEqualTo("USER_NOT_FOUND");
  }

  @Test
  void anErasedIdIsNeverProvisionedAgainAndRefusesTheWholeBatch() {
    String user = scoredUser("Gone");
    admin(user, "erase", "");
    String other = newUserId();

    Response provisioned =
        post(
            "/api/v1/admin/users",
            adminToken(),
            Map.of(
                "users",
                List.of(
                    Map.of("userId", other, "displayName", "Newcomer"),
                    Map.of("userId", user, "displayName", "Back Again"))));

    assertThat(provisioned.status()).isEqualTo(409);
    assertThat(provisioned.code()).isEqualTo("USER_ERASED");
    assertThat(provisioned.body().path("detail").asString()).contains(user);
    assertThat(count("SELECT count(*) FROM users WHERE id = ?", other)).isZero();
    assertThat(count("SELECT count(*) FROM users WHERE id = ? AND status = 'erased'", user))
        .isOne();
  }

  @Test
  void unknownUsersAndNonAdminsAreRefused() {
    String user = scoredUser("Someone");
    String unknown = newUserId();

    for (String what : List.of("freeze", "unfreeze", "erase")) {
      Response missing = admin(unknown, what, "");
      assertThat(missing.status()).as(what).isEqualTo(404);
      assertThat(missing.code()).as(what).isEqualTo("USER_NOT_FOUND");
      Response notAdmin = post("/api/v1/admin/users/" + user + "/" + what, tokenFor(user), "");
      assertThat(notAdmin.status()).as(what).isEqualTo(403);
      assertThat(notAdmin.code()).as(what).isEqualTo("FORBIDDEN");
    }
    Response badReason = admin(user, "erase", Map.of("reason", "x".repeat(501)));
    assertThat(badReason.status()).isEqualTo(400);
    Response unknownField = admin(user, "freeze", Map.of("why", "x"));
    assertThat(unknownField.status()).isEqualTo(400);
    assertThat(entryChanges(user)).isEmpty();
    assertThat(count("SELECT count(*) FROM users WHERE id = ? AND status = 'active'", user))
        .isOne();
  }
}
