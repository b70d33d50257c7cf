package dev.livescoreboard.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorCodeTest {

  @Test
  void everyCodeSpecListsExistsWithItsSpecStatus() {
    // SPEC §4: 400 bad input, 401 no/invalid JWT, 403 not allowed, 404 unknown user/board,
    // 409 replay, 413 body too large, 429 rate limit, 503 a dependency is down, 500 otherwise.
    Map<String, Integer> spec =
        Map.ofEntries(
            Map.entry("VALIDATION_FAILED", 400),
            Map.entry("ACTION_TOO_FAST", 400),
            Map.entry("UNAUTHORIZED", 401),
            Map.entry("FORBIDDEN", 403),
            Map.entry("ACTION_TOKEN_INVALID", 403),
            Map.entry("ACTION_TOKEN_EXPIRED", 403),
            Map.entry("USER_FROZEN", 403),
            Map.entry("USER_NOT_FOUND", 404),
            Map.entry("BOARD_NOT_FOUND", 404),
            Map.entry("USER_NOT_ON_BOARD", 404),
            Map.entry("NOT_FOUND", 404),
            Map.entry("ACTION_ALREADY_COMPLETED", 409),
            Map.entry("SCORE_CAP_REACHED", 409),
            // The one SPEC code its status list does not cover: same key, different request.
            Map.entry("IDEMPOTENCY_KEY_REUSED", 422),
            // Not in SPEC's list of codes, but the code of its "413 body too large".
            Map.entry("PAYLOAD_TOO_LARGE", 413),
            Map.entry("QUOTA_EXCEEDED", 429),
            Map.entry("RATE_LIMITED", 429),
            Map.entry("UNAVAILABLE", 503),
            Map.entry("INTERNAL_ERROR", 500));

    spec.forEach(
        (name, status) -> assertThat(ErrorCode.valueOf(name).status()).as(name).isEqualTo(status));
  }

  @Test
  void everyCodeIsUpperSnakeWithAnErrorStatusAndATitle() {
    for (ErrorCode code : ErrorCode.values()) {
      assertThat(code.name()).matches("[A-Z]+(_[A-Z]+)*");
      assertThat(code.status()).as(code.name()).isBetween(400, 599);
      assertThat(code.title()).as(code.name()).isNotBlank();
    }
  }
}
