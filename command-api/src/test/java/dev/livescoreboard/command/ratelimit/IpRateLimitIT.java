package dev.livescoreboard.command.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livescoreboard.command.CommandApiTestBase;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The per-address limit. The app is configured as behind a trusted proxy, so each test picks its
 * own client address with {@code X-Forwarded-For}.
 */
class IpRateLimitIT extends CommandApiTestBase {

  private static final String START = "{\"actionType\":\"COMPLETE_LEVEL\"}";

  @DynamicPropertySource
  static void tinyLimits(DynamicPropertyRegistry registry) {
    registry.add("scoreboard.rate-limits.per-ip", () -> "3");
    registry.add("scoreboard.http.behind-trusted-proxy", () -> "true");
  }

  private Response startFrom(String address, String bearer) {
    return post("/api/v1/actions", bearer, START, Map.of("X-Forwarded-For", address));
  }

  @Test
  void requestsOverTheAddressLimitAre429EvenWithoutAToken() {
    for (int i = 0; i < 3; i++) {
      assertThat(startFrom("203.0.113.10", null).status()).isEqualTo(401);
    }

    Response refused = startFrom("203.0.113.10", null);

    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.code()).isEqualTo("RATE_LIMITED");
    assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    assertThat(refused.headers().firstValue("RateLimit-Limit")).hasValue("3");
  }

  @Test
  void theLimitIsPerAddressAndCountsAuthenticatedRequests() {
    String user = newUserId();
    provision(user);
    String bearer = tokenFor(user);
    for (int i = 0; i < 3; i++) {
      assertThat(startFrom("203.0.113.20", bearer).status()).isEqualTo(201);
    }
    assertThat(startFrom("203.0.113.20", bearer).status()).isEqualTo(429);

    assertThat(startFrom("203.0.113.21", bearer).status()).isEqualTo(201);
  }

  @Test
  void onlyTheEntryAppendedByTheProxyCounts() {
    for (int i = 0; i < 3; i++) {
      startFrom("198.51.100." + i + ", 203.0.113.30", null);
    }

    assertThat(startFrom("198.51.100.99, 203.0.113.30", null).status()).isEqualTo(429);
  }
}
