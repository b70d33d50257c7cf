package dev.livescoreboard.command.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.livescoreboard.command.CommandApiTestBase;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Per-user limits with tiny numbers and a short window, against the real Redis. */
class RateLimitIT extends CommandApiTestBase {

  private static final Map<String, String> START = Map.of("actionType", "COMPLETE_LEVEL");

  @Autowired private MeterRegistry meters;

  @DynamicPropertySource
  static void tinyLimits(DynamicPropertyRegistry registry) {
    registry.add("scoreboard.rate-limits.window", () -> "3s");
    registry.add("scoreboard.rate-limits.start", () -> "3");
    registry.add("scoreboard.rate-limits.complete", () -> "2");
    registry.add("scoreboard.rate-limits.complete-per-action.WIN_MATCH", () -> "1");
  }

  @Test
  void startsOverTheLimitAre429WithAllHeadersAndRecoverAfterTheWindow() {
    String bearer = tokenFor(user());
    double eventsBefore = rateLimitedEvents();
    for (int remaining = 2; remaining >= 0; remaining--) {
      Response allowed = post("/api/v1/actions", bearer, START);
      assertThat(allowed.status()).isEqualTo(201);
      assertThat(allowed.headers().firstValue("RateLimit-Limit")).hasValue("3");
      assertThat(allowed.headers().firstValue("RateLimit-Remaining"))
          .hasValue(Integer.toString(remaining));
      assertThat(allowed.headers().firstValue("RateLimit-Reset")).isPresent();
    }

    Response refused = post("/api/v1/actions", bearer, START);

    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.code()).isEqualTo("RATE_LIMITED");
    assertThat(refused.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    assertThat(refused.body().path("requestId").asString()).isNotBlank();
    assertThat(refused.headers().firstValue("RateLimit-Limit")).hasValue("3");
    assertThat(refused.headers().firstValue("RateLimit-Remaining")).hasValue("0");
    long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
    assertThat(retryAfter).isBetween(1L, 3L);
    assertThat(Long.parseLong(refused.headers().firstValue("RateLimit-Reset").orElseThrow()))
        .isEqualTo(retryAfter);
    assertThat(rateLimitedEvents()).isGreaterThan(eventsBefore);

    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> post("/api/v1/actions", bearer, START).status() == 201);
  }

  @Test
  void eachUserHasItsOwnWindow() {
    String first = tokenFor(user());
    for (int i = 0; i < 3; i++) {
      post("/api/v1/actions", first, START);
    }
    assertThat(post("/api/v1/actions", first, START).status()).isEqualTo(429);

    assertThat(post("/api/v1/actions", tokenFor(user()), START).status()).isEqualTo(201);
  }

  @Test
  void completesOverTheLimitAreRefusedWithoutWritingAndTheTokenStaysUsable() {
    String user = newUserId();
    provision(user);
    String bearer = tokenFor(user);
    String a = startAction(bearer, "COMPLETE_LEVEL");
    String b = startAction(bearer, "COMPLETE_LEVEL");
    String c = startAction(bearer, "COMPLETE_LEVEL");
    assertThat(complete(bearer, a).status()).isEqualTo(200);
    assertThat(complete(bearer, b).status()).isEqualTo(200);

    Response refused = complete(bearer, c);

    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.code()).isEqualTo("RATE_LIMITED");
    assertThat(refused.headers().firstValue("RateLimit-Limit")).hasValue("2");
    assertThat(count("SELECT count(*) FROM score_events WHERE user_id = ?", user)).isEqualTo(2);
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> complete(bearer, c).status() == 200);
    assertThat(count("SELECT count(*) FROM score_events WHERE user_id = ?", user)).isEqualTo(3);
  }

  @Test
  void anActionWithAnOverrideHasItsOwnLimit() {
    String user = newUserId();
    provision(user);
    String bearer = tokenFor(user);
    String win1 = startAction(bearer, "WIN_MATCH");
    String win2 = startAction(bearer, "WIN_MATCH");
    String level = startAction(bearer, "COMPLETE_LEVEL");
    assertThat(complete(bearer, win1).status()).isEqualTo(200);

    Response refused = complete(bearer, win2);

    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.headers().firstValue("RateLimit-Limit")).hasValue("1");
    // Other actions count in the user's default window, untouched by WIN_MATCH.
    assertThat(complete(bearer, level).status()).isEqualTo(200);
  }

  @Test
  void completesRefusedBeforeTheLimitUseUpNoSlot() {
    String user = newUserId();
    provision(user);
    String bearer = tokenFor(user);
    for (int i = 0; i < 3; i++) {
      Response forged = complete(bearer, "not-an-action-token");
      assertThat(forged.code()).isEqualTo("ACTION_TOKEN_INVALID");
    }
    String a = startAction(bearer, "COMPLETE_LEVEL");
    String b = startAction(bearer, "COMPLETE_LEVEL");

    Response first = complete(bearer, a);
    Response second = complete(bearer, b);

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.headers().firstValue("RateLimit-Remaining")).hasValue("1");
    assertThat(second.status()).isEqualTo(200);
    assertThat(second.headers().firstValue("RateLimit-Remaining")).hasValue("0");
  }

  private String user() {
    String user = newUserId();
    provision(user);
    return user;
  }

  private double rateLimitedEvents() {
    return meters.counter("scoreboard.security.events", "event", "rate_limited").count();
  }
}
