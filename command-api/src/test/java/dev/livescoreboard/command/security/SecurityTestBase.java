package dev.livescoreboard.command.security;

import dev.livescoreboard.command.CommandApiTestBase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Value;

/**
 * The fixture of the {@code *SecurityIT} classes: raw HTTP exchanges with the running app and the
 * one "snapshot state, act, assert refused and unchanged" step ({@link #refusedUnchanged}).
 */
abstract class SecurityTestBase extends CommandApiTestBase {

  static final String START = "/api/v1/actions";
  static final String COMPLETE = "/api/v1/actions/complete";
  static final String PROVISION = "/api/v1/admin/users";

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  // The context's own Redis and key prefix, as CommandApiTestBase configures them.
  @Value("${scoreboard.redis.url}")
  private String redisUrl;

  @Value("${scoreboard.redis.key-prefix}")
  private String redisPrefix;

  protected RedisKeys redis;

  @BeforeEach
  void openRedisAndOpenTheAddressWindow() {
    redis = new RedisKeys(redisUrl, redisPrefix);
    // Any /api request counts against this client address; make sure its window exists before a
    // snapshot, so only what a refused request itself writes can show up.
    fetch("/api/v1/users/me", null);
  }

  @AfterEach
  void closeRedis() {
    redis.close();
  }

  /**
   * Takes a snapshot, runs {@code request}, asserts it was refused with {@code status} and {@code
   * code} without leaking anything, and that Postgres and Redis are as they were.
   */
  protected Exchange refusedUnchanged(int status, String code, Supplier<Exchange> request) {
    StateSnapshot before = snapshot();
    Exchange exchange = request.get().assertProblem(status, code);
    snapshot().assertUnchangedSince(before);
    return exchange;
  }

  protected StateSnapshot snapshot() {
    return StateSnapshot.take(jdbc, redis);
  }

  protected Exchange postJson(String path, String bearer, String json) {
    return exchange(path, bearer, "application/json", json, Map.of());
  }

  /** {@code POST /api/v1/admin/users} as an admin, with the given user entries. */
  @SafeVarargs
  protected final Exchange provisionAsAdmin(Map<String, String>... users) {
    return postJson(PROVISION, adminToken(), json(Map.of("users", List.of(users))));
  }

  protected Exchange fetch(String pathAndQuery, String bearer) {
    return send(request(pathAndQuery, bearer).GET());
  }

  protected Exchange exchange(
      String path, String bearer, String contentType, String body, Map<String, String> headers) {
    HttpRequest.Builder request =
        request(path, bearer)
            .POST(
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    headers.forEach(request::header);
    return send(request);
  }

  private HttpRequest.Builder request(String pathAndQuery, String bearer) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
            .timeout(Duration.ofSeconds(30));
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return request;
  }

  private Exchange send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Exchange(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * A provisioned user who has started and completed one {@code COMPLETE_LEVEL} (score 10), so
   * their rate-limit windows exist: the limiter counts attempts, refused ones too, and a snapshot
   * must not see a first-use window appear.
   */
  protected String activeUser() {
    String user = newUserId();
    provision(user);
    String bearer = tokenFor(user);
    if (complete(bearer, startAction(bearer, "COMPLETE_LEVEL")).status() != 200) {
      throw new IllegalStateException("warm-up complete failed for " + user);
    }
    return user;
  }

  protected static String json(Object value) {
    return JSON.writeValueAsString(value);
  }
}
