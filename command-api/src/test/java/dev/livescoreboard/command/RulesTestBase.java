package dev.livescoreboard.command;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.springframework.test.context.TestPropertySource;

/**
 * Integration tests of the action rules, users and idempotency: the real application with the
 * small-limit catalog {@code rules-test-actions.yml} (one shared Spring context for all of them)
 * and a second board {@value #SIDE_BOARD}.
 */
@TestPropertySource(properties = "scoreboard.actions.file=classpath:rules-test-actions.yml")
public abstract class RulesTestBase extends CommandApiTestBase {

  protected static final String SIDE_BOARD = "side-quest";

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  /** {@code GET path} as the holder of {@code bearer}. */
  protected Response get(String path, String bearer) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Authorization", "Bearer " + bearer)
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      String body = response.body();
      return new Response(
          response.statusCode(),
          response.headers(),
          body.startsWith("{") ? JSON.readTree(body) : null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  protected void createSideBoard() {
    jdbc.sql("INSERT INTO boards (id, title) VALUES (?, 'Side quest') ON CONFLICT (id) DO NOTHING")
        .param(SIDE_BOARD)
        .update();
  }

  /** Starts {@code actionType} on {@code board} and returns the response. */
  protected Response start(String bearer, String actionType, String board) {
    return post("/api/v1/actions", bearer, Map.of("actionType", actionType, "board", board));
  }

  /** Score events, outbox rows and idempotency keys of {@code user}, for "nothing written". */
  protected String footprint(String user) {
    return count("SELECT count(*) FROM score_events WHERE user_id = ?", user)
        + "/"
        + count("SELECT count(*) FROM outbox WHERE aggregateid LIKE ?", "%:" + user)
        + "/"
        + count("SELECT count(*) FROM idempotency_keys WHERE user_id = ?", user)
        + "/"
        + count("SELECT coalesce(sum(score), 0) FROM user_scores WHERE user_id = ?", user);
  }
}
