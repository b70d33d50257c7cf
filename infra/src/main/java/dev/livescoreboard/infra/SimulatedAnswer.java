package dev.livescoreboard.infra;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * What command-api answered one simulated request: its status ({@link #LOST} when no answer came),
 * its {@code Retry-After} and the problem {@code code} of a refusal.
 *
 * @param status the HTTP status, 0 when the request failed or timed out
 * @param retryAfter the {@code Retry-After} header, in its delta-seconds form
 * @param code the problem document's {@code code}, empty for a success or a body without one
 * @param body the response body, empty when lost
 */
public record SimulatedAnswer(int status, Optional<Duration> retryAfter, String code, String body) {

  /** No answer: the connection failed or the request timed out. */
  public static final SimulatedAnswer LOST = new SimulatedAnswer(0, Optional.empty(), "", "");

  public static SimulatedAnswer of(HttpResponse<String> response, JsonMapper json) {
    return of(
        response.statusCode(), response.headers().firstValue("Retry-After"), response.body(), json);
  }

  static SimulatedAnswer of(int status, Optional<String> retryAfter, String body, JsonMapper json) {
    String code = status < 400 ? "" : problemCode(body, json);
    return new SimulatedAnswer(status, retryAfter.flatMap(SimulatedAnswer::seconds), code, body);
  }

  /** No answer came. */
  public boolean lost() {
    return status == 0;
  }

  /** 2xx. */
  public boolean served() {
    return status >= 200 && status < 300;
  }

  /**
   * The delta-seconds form only: command-api never sends the HTTP-date form, and a value that does
   * not parse is treated as absent (the caller then backs off on its own).
   */
  static Optional<Duration> seconds(String header) {
    try {
      long seconds = Long.parseLong(header.trim());
      return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static String problemCode(String body, JsonMapper json) {
    try {
      return json.readTree(body).path("code").asString("");
    } catch (JacksonException e) {
      // A refusal from something other than command-api (a proxy page): no code to act on.
      return "";
    }
  }
}
