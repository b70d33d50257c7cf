package dev.livescoreboard.command.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livescoreboard.command.RulesTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class IdempotencyIT extends RulesTestBase {

  private static final String COMPLETE = "/api/v1/actions/complete";

  @Autowired IdempotencyPurge purge;

  private String newPlayer() {
    String user = newUserId();
    provision(user);
    return user;
  }

  private Response completeWithKey(String bearer, String token, String key) {
    return post(
        COMPLETE,
        bearer,
        JSON.writeValueAsString(Map.of("actionToken", token)),
        Map.of("Idempotency-Key", key));
  }

  private static boolean replayed(Response response) {
    return response.headers().firstValue("Idempotent-Replayed").filter("true"::equals).isPresent();
  }

  @Test
  void aRetryWithTheSameKeyReplaysTheResponseAndWritesNothing() {
    String user = newPlayer();
    String bearer = tokenFor(user);
    String token = startAction(bearer, "WIN_MATCH");
    String key = UUID.randomUUID().toString();
    Response first = completeWithKey(bearer, token, key);
    assertThat(first.status()).isEqualTo(200);
    assertThat(replayed(first)).isFalse();
    String after = footprint(user);

    Response retry = completeWithKey(bearer, token, key);

    assertThat(retry.status()).isEqualTo(200);
    assertThat(replayed(retry)).isTrue();
    assertThat(retry.body()).isEqualTo(first.body());
    assertThat(footprint(user)).isEqualTo(after).isEqualTo("1/1/1/20");
    // Without the key, the used token is a replay.
    Response noKey = complete(bearer, token);
    assertThat(noKey.status()).isEqualTo(409);
    assertThat(noKey.code()).isEqualTo("ACTION_ALREADY_COMPLETED");
  }

  @Test
  void theSameKeyWithAnotherRequestIsRefused() {
    String user = newPlayer();
    String bearer = tokenFor(user);
    String key = UUID.randomUUID().toString();
    assertThat(completeWithKey(bearer, startAction(bearer, "WIN_MATCH"), key).status())
        .isEqualTo(200);
    String other = startAction(bearer, "WIN_MATCH");
    String before = footprint(user);

    Response reused = completeWithKey(bearer, other, key);

    assertThat(reused.status()).isEqualTo(422);
    assertThat(reused.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    assertThat(footprint(user)).isEqualTo(before);
    // The refused request did not use the other token up.
    assertThat(complete(bearer, other).status()).isEqualTo(200);
  }

  @Test
  void errorResponsesAreNotStoredSoTheKeyCanBeUsedAgain() {
    String user = newPlayer();
    String bearer = tokenFor(user);
    String key = UUID.randomUUID().toString();

    Response forged = completeWithKey(bearer, bearer, key);

    assertThat(forged.status()).isEqualTo(403);
    assertThat(footprint(user)).isEqualTo("0/0/0/0");
    Response fixed = completeWithKey(bearer, startAction(bearer, "WIN_MATCH"), key);
    assertThat(fixed.status()).isEqualTo(200);
    assertThat(replayed(fixed)).isFalse();
  }

  @Test
  void keysArePerUser() {
    String alice = newPlayer();
    String bob = newPlayer();
    String key = "shared-key-" + UUID.randomUUID();

    Response forAlice =
        completeWithKey(tokenFor(alice), startAction(tokenFor(alice), "WIN_MATCH"), key);
    Response forBob =
        completeWithKey(tokenFor(bob), startAction(tokenFor(bob), "COMPLETE_LEVEL"), key);

    assertThat(forAlice.status()).isEqualTo(200);
    assertThat(forBob.status()).isEqualTo(200);
    assertThat(replayed(forBob)).isFalse();
    assertThat(forBob.body().path("userId").asString()).isEqualTo(bob);
  }

  @Test
  void concurrentRequestsWithTheSameNewKeyExecuteOnce() throws Exception {
    String user = newPlayer();
    String bearer = tokenFor(user);
    String token = startAction(bearer, "WIN_MATCH");
    String key = UUID.randomUUID().toString();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Response> responses = new ArrayList<>();
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Response>> futures = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        futures.add(
            pool.submit(
                () -> {
                  go.await();
                  return completeWithKey(bearer, token, key);
                }));
      }
      go.countDown();
      for (Future<Response> future : futures) {
        responses.add(future.get());
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(responses).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
    assertThat(responses).filteredOn(r -> !replayed(r)).hasSize(1);
    assertThat(responses)
        .extracting(r -> r.body().path("eventId").asString())
        .containsOnly(responses.get(0).body().path("eventId").asString());
    assertThat(footprint(user)).isEqualTo("1/1/1/20");
  }

  @Test
  void startCanBeRetriedWithAKeyAndReturnsTheSameToken() {
    String user = newPlayer();
    String bearer = tokenFor(user);
    String body = JSON.writeValueAsString(Map.of("actionType", "WIN_MATCH"));
    String key = UUID.randomUUID().toString();

    Response first = post("/api/v1/actions", bearer, body, Map.of("Idempotency-Key", key));
    Response retry = post("/api/v1/actions", bearer, body, Map.of("Idempotency-Key", key));

    assertThat(first.status()).isEqualTo(201);
    assertThat(retry.status()).isEqualTo(201);
    assertThat(replayed(retry)).isTrue();
    assertThat(retry.body()).isEqualTo(first.body());
  }

  @Test
  void expiredKeysAreIgnoredAndPurged() {
    String user = newPlayer();
    String bearer = tokenFor(user);
    String key = UUID.randomUUID().toString();
    assertThat(completeWithKey(bearer, startAction(bearer, "WIN_MATCH"), key).status())
        .isEqualTo(200);
    jdbc.sql(
            "UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE user_id = ?")
        .param(user)
        .update();

    Response fresh = completeWithKey(bearer, startAction(bearer, "COMPLETE_LEVEL"), key);

    assertThat(fresh.status()).isEqualTo(200);
    assertThat(replayed(fresh)).isFalse();
    assertThat(fresh.body().path("newScore").asLong()).isEqualTo(30);

    String stale = UUID.randomUUID().toString();
    completeWithKey(bearer, startAction(bearer, "COMPLETE_LEVEL"), stale);
    jdbc.sql("UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE key = ?")
        .param(stale)
        .update();
    purge.purgeExpired();
    assertThat(count("SELECT count(*) FROM idempotency_keys WHERE user_id = ?", user)).isOne();
    assertThat(count("SELECT count(*) FROM idempotency_keys WHERE key = ?", stale)).isZero();
  }

  @Test
  void malformedKeysAreRefused() {
    String user = newPlayer();
    String bearer = tokenFor(user);
    String token = startAction(bearer, "WIN_MATCH");

    Response tooLong = completeWithKey(bearer, token, "k".repeat(256));

    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.code()).isEqualTo("VALIDATION_FAILED");
    assertThat(footprint(user)).isEqualTo("0/0/0/0");
  }
}
