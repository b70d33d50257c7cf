package dev.livescoreboard.command.problem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livescoreboard.command.CommandApiTestBase;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProblemResponsesIT extends CommandApiTestBase {

  private Response start(String json) {
    return post("/api/v1/actions", tokenFor(newUserId()), json, Map.of());
  }

  private static void assertValidationFailed(Response response, String detailContains) {
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
    assertThat(response.body().path("detail").asString()).contains(detailContains);
  }

  @Test
  void unknownActionTypeIsRejected() {
    assertValidationFailed(start("{\"actionType\":\"FLY_TO_MOON\"}"), "actionType");
  }

  @Test
  void malformedJsonIsRejected() {
    assertValidationFailed(start("{\"actionType\":"), "JSON");
  }

  @Test
  void unknownFieldIsRejectedByName() {
    assertValidationFailed(
        start("{\"actionType\":\"WIN_MATCH\",\"points\":100}"), "unknown field 'points'");
  }

  @Test
  void wrongTypeIsRejectedByName() {
    assertValidationFailed(start("{\"actionType\":123}"), "actionType");
  }

  @Test
  void missingFieldIsRejectedByName() {
    assertValidationFailed(start("{}"), "actionType");
  }

  @Test
  void malformedBoardIdIsRejected() {
    assertValidationFailed(start("{\"actionType\":\"WIN_MATCH\",\"board\":\"<script>\"}"), "board");
  }

  @Test
  void unknownBoardIsNotFound() {
    Response response = start("{\"actionType\":\"WIN_MATCH\",\"board\":\"no-such-board\"}");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.code()).isEqualTo("BOARD_NOT_FOUND");
  }

  @Test
  void boardTheActionDoesNotScoreOnIsRejected() {
    jdbc.sql("INSERT INTO boards (id, title) VALUES ('side-board', 'Side') ON CONFLICT DO NOTHING")
        .update();

    assertValidationFailed(
        start("{\"actionType\":\"WIN_MATCH\",\"board\":\"side-board\"}"), "board");
  }

  @Test
  void requestIdIsEchoed() {
    Response response = post("/api/v1/actions", null, "{}", Map.of("X-Request-Id", "req-123"));

    assertThat(response.headers().firstValue("X-Request-Id")).hasValue("req-123");
    assertThat(response.body().path("requestId").asString()).isEqualTo("req-123");
  }

  @Test
  void unknownPathIsAProblemToo() {
    Response response = post("/api/v1/nothing-here", tokenFor(newUserId()), "{}", Map.of());

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.code()).isEqualTo("NOT_FOUND");
  }

  @Test
  void healthAndMetricsAreExposed() {
    assertThat(get("/actuator/health").status()).isEqualTo(200);
    assertThat(get("/actuator/prometheus").status()).isEqualTo(200);
  }
}
