package dev.livescoreboard.command.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The job flags a scripted player with the reasons and numbers, people not; the flags API. */
class AnomalyFlagsIT extends AnomalyTestBase {

  private Response flags(String query) {
    return get("/api/v1/admin/flags" + query, adminToken());
  }

  private Response resolve(long id, Object body) {
    return post("/api/v1/admin/flags/" + id + "/resolve", adminToken(), body);
  }

  private List<JsonNode> openFlagsOf(String userId) {
    List<JsonNode> found = new ArrayList<>();
    flags("?status=open&limit=100")
        .body()
        .path("items")
        .forEach(
            flag -> {
              if (flag.path("userId").asString().equals(userId)) {
                found.add(flag);
              }
            });
    return found;
  }

  private static JsonNode reason(List<JsonNode> flags, String reason) {
    return flags.stream()
        .filter(f -> f.path("reason").asString().equals(reason))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + reason + " flag in " + flags));
  }

  /** A flag row for the API tests, as the job would write it. */
  private long insertFlag(String userId, String reason) {
    return jdbc.sql(
            """
            INSERT INTO anomaly_flags (user_id, reason, details, flagged_at)
            VALUES (?, ?, CAST('{"completes": 1}' AS jsonb), now()) RETURNING id
            """)
        .param(userId)
        .param(reason)
        .query(Long.class)
        .single();
  }

  @Test
  void scriptedPlayerIsFlaggedWithEveryReasonAndItsNumbersAndPeopleAreNot() {
    Players players = playScenario();

    List<Flag> opened = scan.run();

    assertThat(opened).allSatisfy(f -> assertThat(f.userId()).isEqualTo(players.bot()));
    List<JsonNode> bot = openFlagsOf(players.bot());
    assertThat(bot)
        .extracting(f -> f.path("reason").asString())
        .containsExactlyInAnyOrder(
            "RATE_PINNED_AT_LIMIT", "COMPLETES_AT_MINIMUM_DURATION", "POINTS_FAR_ABOVE_POPULATION");

    JsonNode pinned = reason(bot, "RATE_PINNED_AT_LIMIT").path("details");
    assertThat(pinned.path("actionType").asString()).isEqualTo(ACTION);
    assertThat(pinned.path("consecutiveWindows").asInt()).isEqualTo(BOT_WINDOWS);
    assertThat(pinned.path("completes").asLong()).isEqualTo(BOT_WINDOWS * PER_WINDOW);
    assertThat(pinned.path("ceilingPerWindow").asDouble()).isEqualTo(PER_WINDOW);
    assertThat(pinned.path("pinnedAtLeast").asInt()).isEqualTo(PER_WINDOW);
    assertThat(pinned.path("windowSeconds").asLong()).isEqualTo(WINDOW.toSeconds());

    JsonNode minimum = reason(bot, "COMPLETES_AT_MINIMUM_DURATION").path("details");
    assertThat(minimum.path("completes").asLong()).isEqualTo(BOT_WINDOWS * PER_WINDOW);
    assertThat(minimum.path("atMinimum").asLong()).isEqualTo(BOT_WINDOWS * PER_WINDOW);
    assertThat(minimum.path("share").asDouble()).isEqualTo(1.0);
    assertThat(minimum.path("medianSecondsOverMinimum").asDouble()).isEqualTo(0.0);

    JsonNode points = reason(bot, "POINTS_FAR_ABOVE_POPULATION").path("details");
    assertThat(points.path("points").asLong()).isEqualTo(BOT_WINDOWS * PER_WINDOW * POINTS);
    assertThat(points.path("population").asLong()).isEqualTo(6);
    // Median of 200, 40, 20, 20, 20, 20 is 20: the bot has 10 times that, the cutoff is 5 times.
    assertThat(points.path("populationMedianPerHour").asDouble()).isEqualTo(20.0);
    assertThat(points.path("timesMedian").asDouble()).isEqualTo(10.0);
    assertThat(points.path("pointsPerHour").asDouble()).isEqualTo(200.0);

    assertThat(openFlagsOf(players.normal())).isEmpty();
    players.others().forEach(other -> assertThat(openFlagsOf(other)).isEmpty());
    // auto-freeze is off by default: flagged, not frozen.
    assertThat(status(players.bot(), "active")).isOne();
    // A second scan over the same events flags nobody twice.
    assertThat(scan.run()).isEmpty();
    assertThat(openFlagsOf(players.bot())).hasSize(3);

    // Resolved means "fine so far": the same events do not raise the reason again.
    long pinnedId = reason(bot, "RATE_PINNED_AT_LIMIT").path("id").asLong();
    assertThat(resolve(pinnedId, Map.of("note", "load test account")).status()).isEqualTo(200);
    assertThat(scan.run()).isEmpty();
  }

  @Test
  void listIsNewestFirstFilteredByStatusAndCursorPaged() {
    String user = newUserId();
    provision(user);
    long first = insertFlag(user, "RATE_PINNED_AT_LIMIT");
    long second = insertFlag(user, "COMPLETES_AT_MINIMUM_DURATION");
    long third = insertFlag(user, "POINTS_FAR_ABOVE_POPULATION");
    assertThat(resolve(second, Map.of()).status()).isEqualTo(200);

    Response page1 = flags("?status=all&limit=2");
    assertThat(page1.status()).isEqualTo(200);
    assertThat(page1.body().path("items").get(0).path("id").asLong()).isEqualTo(third);
    assertThat(page1.body().path("items").get(1).path("id").asLong()).isEqualTo(second);
    String cursor = page1.body().path("nextCursor").asString();
    Response page2 = flags("?status=all&limit=2&cursor=" + cursor);
    assertThat(page2.body().path("items").get(0).path("id").asLong()).isEqualTo(first);

    List<Long> open = new ArrayList<>();
    flags("").body().path("items").forEach(f -> open.add(f.path("id").asLong()));
    assertThat(open).contains(first, third).doesNotContain(second);
    List<Long> resolved = new ArrayList<>();
    flags("?status=resolved")
        .body()
        .path("items")
        .forEach(f -> resolved.add(f.path("id").asLong()));
    assertThat(resolved).contains(second).doesNotContain(first, third);

    assertThat(flags("?status=closed").code()).isEqualTo("VALIDATION_FAILED");
    assertThat(flags("?limit=0").code()).isEqualTo("VALIDATION_FAILED");
    assertThat(flags("?cursor=nonsense").code()).isEqualTo("VALIDATION_FAILED");
  }

  @Test
  void resolvingIsAuditedAndRefusedTwice() {
    String user = newUserId();
    provision(user);
    long id = insertFlag(user, "RATE_PINNED_AT_LIMIT");
    String admin = adminToken();

    Response resolved =
        post("/api/v1/admin/flags/" + id + "/resolve", admin, Map.of("note", "a fast human"));
    Response again = resolve(id, Map.of());

    assertThat(resolved.status()).isEqualTo(200);
    assertThat(resolved.body().path("status").asString()).isEqualTo("resolved");
    assertThat(resolved.body().path("resolutionNote").asString()).isEqualTo("a fast human");
    String adminId = resolved.body().path("resolvedBy").asString();
    assertThat(adminId).startsWith("admin");
    assertThat(resolved.body().path("resolvedAt").isNull()).isFalse();
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.code()).isEqualTo("FLAG_ALREADY_RESOLVED");
    assertThat(
            count(
                """
                SELECT count(*) FROM admin_audit WHERE actor = ? AND action = 'FLAG_RESOLVED'
                  AND target = ? AND reason = 'a fast human' AND details ->> 'userId' = ?
                """,
                adminId,
                "flag:" + id,
                user))
        .isOne();
    assertThat(count("SELECT count(*) FROM admin_audit WHERE target = ?", "flag:" + id)).isOne();
  }

  @Test
  void refusalsNeedTheAdminRoleAKnownFlagAndAStrictBody() {
    String user = newUserId();
    provision(user);
    long id = insertFlag(user, "RATE_PINNED_AT_LIMIT");

    Response listAsPlayer = get("/api/v1/admin/flags", tokenFor(user));
    Response resolveAsPlayer =
        post("/api/v1/admin/flags/" + id + "/resolve", tokenFor(user), Map.of());
    Response unknown = resolve(id + 1_000_000, Map.of());
    Response notAnId = post("/api/v1/admin/flags/abc/resolve", adminToken(), Map.of());
    Response unknownField = resolve(id, Map.of("nope", true));
    Response tooLong = resolve(id, Map.of("note", "x".repeat(501)));

    assertThat(listAsPlayer.status()).isEqualTo(403);
    assertThat(listAsPlayer.code()).isEqualTo("FORBIDDEN");
    assertThat(resolveAsPlayer.status()).isEqualTo(403);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.code()).isEqualTo("NOT_FOUND");
    assertThat(notAnId.code()).isEqualTo("NOT_FOUND");
    assertThat(unknownField.code()).isEqualTo("VALIDATION_FAILED");
    assertThat(tooLong.code()).isEqualTo("VALIDATION_FAILED");
    assertThat(count("SELECT count(*) FROM anomaly_flags WHERE id = ? AND status = 'open'", id))
        .isOne();
    assertThat(count("SELECT count(*) FROM admin_audit WHERE target = ?", "flag:" + id)).isZero();
  }
}
