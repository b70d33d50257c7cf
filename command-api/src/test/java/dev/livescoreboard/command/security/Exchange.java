package dev.livescoreboard.command.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One HTTP exchange with the raw response body kept, so tests can check what exactly went over the
 * wire (markup, internals), not just what a JSON parser makes of it.
 */
record Exchange(int status, HttpHeaders headers, String body) {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** What must never reach a client: stack frames, exception and class names, SQL, driver text. */
  private static final List<Pattern> INTERNALS =
      List.of(
          Pattern.compile("Exception|Caused by|\\bat [\\w$.]+\\("),
          Pattern.compile(
              "\\b(?:java|javax|jakarta|org|com|tools|redis|dev)\\.[a-z]\\w*\\.[\\w.]+"),
          Pattern.compile("(?i)\\b(?:select|insert|update|delete)\\b.+\\b(?:from|into|set)\\b"),
          Pattern.compile("(?i)SQLState|PSQL|syntax error|relation \"|duplicate key|constraint"),
          Pattern.compile("(?i)\\bERR\\b|jedis|\\blua\\b"));

  JsonNode json() {
    return body.startsWith("{") ? JSON.readTree(body) : JSON.nullNode();
  }

  String code() {
    return json().path("code").asString(null);
  }

  String detail() {
    return json().path("detail").asString("");
  }

  /**
   * Asserts an RFC 9457 response with {@code status} and {@code code} whose body leaks nothing
   * internal and carries no markup.
   */
  Exchange assertProblem(int expectedStatus, String expectedCode) {
    assertThat(status).as("status of %s", body).isEqualTo(expectedStatus);
    assertThat(headers.firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = json();
    assertThat(problem.path("code").asString(null)).as("code of %s", body).isEqualTo(expectedCode);
    assertThat(problem.path("status").asInt()).isEqualTo(expectedStatus);
    assertThat(problem.path("type").asString("")).startsWith("urn:problem:");
    assertThat(problem.path("title").asString("")).isNotBlank();
    assertThat(problem.path("requestId").asString("")).isNotBlank();
    assertLeaksNothing();
    return this;
  }

  /** The body holds no internals and no markup (so nothing echoed can render as HTML). */
  Exchange assertLeaksNothing() {
    for (Pattern internal : INTERNALS) {
      assertThat(internal.matcher(body).find()).as("%s in %s", internal, body).isFalse();
    }
    assertThat(body).as("markup in the response").doesNotContain("<", ">");
    return this;
  }

  /** Asserts the problem's detail names {@code field}. */
  Exchange assertDetailNames(String field) {
    assertThat(detail()).as("detail of %s", body).contains(field);
    return this;
  }
}
