package dev.livescoreboard.command.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.livescoreboard.command.user.UserIds;
import dev.livescoreboard.testsupport.TestAuth;
import dev.livescoreboard.testsupport.UniqueNames;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * SQL and Lua/Redis injection strings in every identifier a caller controls: board ids, action
 * types, user ids (the JWT {@code sub}), display names. Formats refuse them with 400; where any
 * string is allowed (the {@code sub}), they are plain data: unknown user, nothing runs.
 */
class InjectionSecurityIT extends SecurityTestBase {

  static final List<String> INJECTIONS =
      List.of(
          "' OR 1=1 --",
          "global'; DROP TABLE users; --",
          "global\"; DELETE FROM score_events; --",
          "\"]) redis.call('FLUSHALL') --",
          "'); redis.call('DEL', KEYS[1]) --",
          "{global}",
          "global\nFLUSHALL",
          "global\r\nSET pwned 1",
          "../global",
          "global OR 1=1",
          "%27%20OR%201%3D1");

  private static final List<String> TABLES =
      List.of("boards", "users", "user_scores", "score_events", "outbox");

  private static final String HISTORY = "/api/v1/users/me/history";

  @Value("${scoreboard.action-token.secrets}")
  private String secrets;

  private String bearer;
  private String canary;

  @BeforeEach
  void playerAndCanary() {
    bearer = tokenFor(activeUser());
    canary = redis.plantCanary(UniqueNames.of("injection"));
  }

  @AfterEach
  void tablesAndKeysSurvived() {
    for (String table : TABLES) {
      assertThat(
              count(
                  "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename = ?",
                  table))
          .as("table %s still exists", table)
          .isOne();
    }
    assertThat(count("SELECT count(*) FROM boards WHERE id = 'global'")).isOne();
    assertThat(redis.exists(canary)).as("Redis canary key").isTrue();
  }

  @Test
  void injectionInBoardIdIsAValidationFailure() {
    for (String board : INJECTIONS) {
      refusedUnchanged(
              400,
              "VALIDATION_FAILED",
              () ->
                  postJson(START, bearer, json(Map.of("actionType", "WIN_MATCH", "board", board))))
          .assertDetailNames("board");
    }
  }

  @Test
  void wellFormedButUnknownBoardIsNotFound() {
    refusedUnchanged(
        404,
        "BOARD_NOT_FOUND",
        () ->
            postJson(
                START, bearer, json(Map.of("actionType", "WIN_MATCH", "board", "or-1-1-drop"))));
  }

  @Test
  void injectionInHistoryQueryParametersIsAValidationFailure() {
    for (String board : INJECTIONS) {
      refusedUnchanged(
              400, "VALIDATION_FAILED", () -> fetch(HISTORY + "?board=" + encode(board), bearer))
          .assertDetailNames("board");
    }
    for (String cursor : INJECTIONS) {
      refusedUnchanged(
          400, "VALIDATION_FAILED", () -> fetch(HISTORY + "?cursor=" + encode(cursor), bearer));
    }
    refusedUnchanged(
            400, "VALIDATION_FAILED", () -> fetch(HISTORY + "?limit=" + encode("1; DROP"), bearer))
        .assertDetailNames("limit");
  }

  @Test
  void injectionInAUserIdPathIsAnUnknownUser() {
    for (String userId : INJECTIONS.subList(0, 5)) {
      refusedUnchanged(
          404,
          "USER_NOT_FOUND",
          () ->
              exchange(
                  "/api/v1/admin/users/" + encode(userId).replace("+", "%20") + "/freeze",
                  adminToken(),
                  null,
                  null,
                  Map.of()));
    }
  }

  @Test
  void injectionInActionTypeIsAValidationFailure() {
    for (String actionType : INJECTIONS) {
      refusedUnchanged(
              400,
              "VALIDATION_FAILED",
              () -> postJson(START, bearer, json(Map.of("actionType", actionType))))
          .assertDetailNames("actionType");
    }
  }

  @Test
  void injectionInTheTokenSubjectIsAnUnknownUser() throws Exception {
    ForgedTokens.Secret secret = ForgedTokens.firstSecret(secrets);
    for (String sub : INJECTIONS) {
      String accessToken = TestAuth.shared().sign(ForgedTokens.accessClaims(sub).build());
      // A well-signed action token for that subject, so the request reaches the user lookup.
      JWTClaimsSet action =
          new JWTClaimsSet.Builder()
              .subject(sub)
              .claim("board", "global")
              .claim("act", "COMPLETE_LEVEL")
              .claim("nonce", UUID.randomUUID().toString())
              .issueTime(new Date())
              .expirationTime(Date.from(Instant.now().plusSeconds(300)))
              .build();
      String actionToken = ForgedTokens.hs256(action, secret.bytes(), secret.kid(), "action+jwt");

      Supplier<Exchange> complete =
          () -> postJson(COMPLETE, accessToken, json(Map.of("actionToken", actionToken)));
      if (!UserIds.isValid(sub)) {
        // Control characters are never part of a real id: refused before any lookup.
        refusedUnchanged(401, "UNAUTHORIZED", complete);
        continue;
      }
      // The first attempt opens this subject's rate-limit window (plain data in a key name);
      // from then on an attempt writes nothing at all.
      complete.get().assertProblem(404, "USER_NOT_FOUND");
      refusedUnchanged(404, "USER_NOT_FOUND", complete);
      Exchange started = postJson(START, accessToken, json(Map.of("actionType", "WIN_MATCH")));
      assertThat(started.status()).as("start as %s", sub).isIn(201, 404, 429);
      started.assertLeaksNothing();
    }
  }

  @Test
  void nulCharacterInTheTokenSubjectIsUnauthorized() {
    // PostgreSQL text cannot hold NUL: such a subject must be refused before any query.
    String accessToken =
        TestAuth.shared().sign(ForgedTokens.accessClaims("mallory\u0000admin").build());

    refusedUnchanged(
        401,
        "UNAUTHORIZED",
        () -> postJson(START, accessToken, json(Map.of("actionType", "WIN_MATCH"))));
  }

  @Test
  void nulCharacterInAProvisionedUserIdIsAValidationFailure() {
    refusedUnchanged(
            400,
            "VALIDATION_FAILED",
            () -> provisionAsAdmin(Map.of("userId", "bob\u0000admin", "displayName", "Bob")))
        .assertDetailNames("userId");
  }

  @Test
  void injectionInADisplayNameIsAValidationFailure() {
    for (String name : INJECTIONS) {
      refusedUnchanged(
              400,
              "VALIDATION_FAILED",
              () -> provisionAsAdmin(Map.of("userId", newUserId(), "displayName", name)))
          .assertDetailNames("displayName");
    }
  }

  @Test
  void injectionInAnIdempotencyKeyIsPlainData() {
    String key = "' OR 1=1 --\"]) redis.call('FLUSHALL') -- " + UniqueNames.of("k");
    Map<String, String> headers = Map.of("Idempotency-Key", key);
    String body = json(Map.of("actionToken", startAction(bearer, "COMPLETE_LEVEL")));
    Exchange first = exchange(COMPLETE, bearer, "application/json", body, headers);
    assertThat(first.status()).as(first.body()).isEqualTo(200);

    StateSnapshot before = snapshot();
    Exchange retry = exchange(COMPLETE, bearer, "application/json", body, headers);
    snapshot().assertUnchangedSince(before);

    assertThat(retry.status()).isEqualTo(200);
    assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(retry.json().path("eventId")).isEqualTo(first.json().path("eventId"));
  }

  @Test
  void oversizedIdempotencyKeyIsAValidationFailure() {
    String body = json(Map.of("actionToken", startAction(bearer, "COMPLETE_LEVEL")));
    for (String key : List.of("k".repeat(256), "k".repeat(1000))) {
      refusedUnchanged(
              400,
              "VALIDATION_FAILED",
              () ->
                  exchange(
                      COMPLETE, bearer, "application/json", body, Map.of("Idempotency-Key", key)))
          .assertDetailNames("Idempotency-Key");
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Test
  void injectionInAProvisionedUserIdIsStoredAsPlainData() {
    String id = "x'); DROP TABLE users; -- " + UniqueNames.of("u");
    long usersBefore = count("SELECT count(*) FROM users");

    Exchange provisioned = provisionAsAdmin(Map.of("userId", id, "displayName", "Bobby Tables"));

    assertThat(provisioned.status()).isEqualTo(200);
    assertThat(count("SELECT count(*) FROM users")).isEqualTo(usersBefore + 1);
    assertThat(count("SELECT count(*) FROM users WHERE id = ?", id)).isOne();
  }
}
