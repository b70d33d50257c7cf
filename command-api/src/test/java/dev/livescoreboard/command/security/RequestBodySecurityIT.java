package dev.livescoreboard.command.security;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bodies that are not what the API reads: each gets a 400/413/415 problem naming the field where
 * there is one, and nothing is scored, even when the request carries a valid action token.
 */
class RequestBodySecurityIT extends SecurityTestBase {

  private static final int KB = 1024;

  private String bearer;
  private String actionToken;

  @BeforeEach
  void playerWithAStartedAction() {
    String user = activeUser();
    bearer = tokenFor(user);
    actionToken = startAction(bearer, "WIN_MATCH");
  }

  private Exchange start(String body) {
    return postJson(START, bearer, body);
  }

  private Exchange complete(String body) {
    return postJson(COMPLETE, bearer, body);
  }

  private String completeBody(String extraJson) {
    return "{\"actionToken\":\"" + actionToken + "\"," + extraJson + "}";
  }

  private void assertInvalid(Exchange exchangeResult, String field) {
    exchangeResult.assertDetailNames(field);
  }

  @Test
  void malformedJsonIsRefused() {
    for (String body :
        List.of(
            "{\"actionType\":",
            "{actionType:\"WIN_MATCH\"}",
            "[",
            "{\"actionType\":\"WIN_MATCH\"}}",
            "{\"actionType\":\"WIN_MATCH\"} {\"actionType\":\"WIN_MATCH\"}",
            "\u0000")) {
      refusedUnchanged(400, "VALIDATION_FAILED", () -> start(body));
    }
    refusedUnchanged(400, "VALIDATION_FAILED", () -> complete(completeBody("\"metadata\":{")))
        .assertDetailNames("JSON");
  }

  @Test
  void unknownFieldIsRefusedByName() {
    assertInvalid(
        refusedUnchanged(
            400, "VALIDATION_FAILED", () -> start("{\"actionType\":\"WIN_MATCH\",\"points\":100}")),
        "points");
    // The user id comes from the access token, never from the body.
    assertInvalid(
        refusedUnchanged(
            400, "VALIDATION_FAILED", () -> complete(completeBody("\"userId\":\"someone-else\""))),
        "userId");
    assertInvalid(
        refusedUnchanged(
            400, "VALIDATION_FAILED", () -> complete(completeBody("\"delta\":1000000"))),
        "delta");
  }

  @Test
  void wrongTypeIsRefusedByName() {
    for (String body :
        List.of(
            "{\"actionType\":123}",
            "{\"actionType\":[\"WIN_MATCH\"]}",
            "{\"actionType\":{\"x\":1}}",
            "{\"actionType\":true}",
            "{\"actionType\":\"WIN_MATCH\",\"board\":7}")) {
      refusedUnchanged(400, "VALIDATION_FAILED", () -> start(body))
          .assertDetailNames(body.contains("board") ? "board" : "actionType");
    }
    assertInvalid(
        refusedUnchanged(
            400, "VALIDATION_FAILED", () -> complete("{\"actionToken\":{\"alg\":\"none\"}}")),
        "actionToken");
  }

  @Test
  void missingRequiredFieldIsRefusedByName() {
    assertInvalid(refusedUnchanged(400, "VALIDATION_FAILED", () -> start("{}")), "actionType");
    assertInvalid(
        refusedUnchanged(400, "VALIDATION_FAILED", () -> start("{\"actionType\":null}")),
        "actionType");
    assertInvalid(refusedUnchanged(400, "VALIDATION_FAILED", () -> complete("{}")), "actionToken");
    assertInvalid(
        refusedUnchanged(400, "VALIDATION_FAILED", () -> complete("{\"actionToken\":\"  \"}")),
        "actionToken");
  }

  @Test
  void emptyBodyIsRefused() {
    refusedUnchanged(400, "VALIDATION_FAILED", () -> start(""));
    refusedUnchanged(
        400,
        "VALIDATION_FAILED",
        () -> exchange(COMPLETE, bearer, "application/json", null, Map.of()));
  }

  @Test
  void bodyOver16KbIsTooLarge() {
    String padding = "x".repeat(17 * KB);
    refusedUnchanged(
        413,
        "PAYLOAD_TOO_LARGE",
        () -> start("{\"actionType\":\"WIN_MATCH\",\"note\":\"" + padding + "\"}"));
    refusedUnchanged(
        413,
        "PAYLOAD_TOO_LARGE",
        () -> complete(completeBody("\"metadata\":{\"note\":\"" + padding + "\"}")));
  }

  @Test
  void metadataMustBeAnObject() {
    for (String metadata : List.of("[1,2,3]", "\"text\"", "42", "true")) {
      assertInvalid(
          refusedUnchanged(
              400, "VALIDATION_FAILED", () -> complete(completeBody("\"metadata\":" + metadata))),
          "metadata");
    }
  }

  @Test
  void metadataOver2KbIsRefused() {
    String big = "{\"note\":\"" + "y".repeat(3 * KB) + "\"}";
    assertInvalid(
        refusedUnchanged(
            400, "VALIDATION_FAILED", () -> complete(completeBody("\"metadata\":" + big))),
        "metadata");
  }

  @Test
  void metadataWithANulCharacterIsRefused() {
    assertInvalid(
        refusedUnchanged(
            400,
            "VALIDATION_FAILED",
            () -> complete(completeBody("\"metadata\":{\"note\":\"a\\u0000b\"}"))),
        "metadata");
  }

  @Test
  void deeplyNestedJsonIsRefused() {
    int depth = 2000;
    String nested = "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    refusedUnchanged(
        400, "VALIDATION_FAILED", () -> complete(completeBody("\"metadata\":" + nested)));
  }

  @Test
  void wrongContentTypeIsUnsupported() {
    String body = completeBody("\"metadata\":{}");
    for (String type :
        List.of(
            "text/plain",
            "application/xml",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x")) {
      refusedUnchanged(
          415, "UNSUPPORTED_MEDIA_TYPE", () -> exchange(COMPLETE, bearer, type, body, Map.of()));
    }
    refusedUnchanged(
        415, "UNSUPPORTED_MEDIA_TYPE", () -> exchange(COMPLETE, bearer, null, body, Map.of()));
  }
}
