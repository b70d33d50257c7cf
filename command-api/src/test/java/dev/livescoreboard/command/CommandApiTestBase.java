package dev.livescoreboard.command;

import dev.livescoreboard.infra.devauth.DevAuthServer;
import dev.livescoreboard.testsupport.TestAuth;
import dev.livescoreboard.testsupport.TestKafka;
import dev.livescoreboard.testsupport.TestPostgres;
import dev.livescoreboard.testsupport.TestRedis;
import dev.livescoreboard.testsupport.UniqueNames;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one fixture of the command-api integration tests: the real application on a random port, each
 * Spring context with its own fresh PostgreSQL database and Kafka topic, access tokens from the
 * shared dev auth server, and small HTTP helpers. Tests isolate themselves with unique user ids
 * ({@link #newUserId()}).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "logging.level.org.apache.kafka=WARN",
      "logging.level.kafka=WARN",
      "logging.level.org.apache.zookeeper=WARN",
      "scoreboard.kafka.partitions=" + CommandApiTestBase.PARTITIONS,
      // Tests fire many requests from one address and user; RateLimitIT sets real limits.
      "scoreboard.rate-limits.per-ip=1000000",
      "scoreboard.rate-limits.start=1000000",
      "scoreboard.rate-limits.complete=1000000",
      // Some tests fire bursts of concurrent writes on purpose (ConcurrentCompleteIT 24,
      // IdempotencyIT, ActionQuotaIT, OutboxRelayConcurrencyIT): the limit is the thread count, so
      // nothing is refused on a slow shared machine. AdmissionIT sets a small one.
      "scoreboard.admission.initial-limit=64",
      "scoreboard.admission.min-limit=64",
      "scoreboard.admission.max-limit=64",
      // Spring keeps every test context open for reuse, all on one PostgreSQL server: idle pools
      // shrink to two connections each, so two dozen contexts stay far below max_connections.
      "spring.datasource.hikari.minimum-idle=2",
      "spring.datasource.hikari.idle-timeout=10000"
    })
public abstract class CommandApiTestBase {

  protected static final int PARTITIONS = 3;
  protected static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort protected int port;
  @Autowired protected JdbcClient jdbc;

  @Value("${scoreboard.kafka.topic}")
  protected String topic;

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @DynamicPropertySource
  static void realServers(DynamicPropertyRegistry registry) {
    // Servers through the environment contract's names (placeholders in application.yml), so a
    // subclass can still override the property itself (e.g. spring.datasource.url,
    // scoreboard.jwt.jwks-url) with a server of its own.
    TestPostgres.Database db = TestPostgres.shared().newDatabase();
    registry.add("SCOREBOARD_DB_URL", db::jdbcUrl);
    registry.add("SCOREBOARD_DB_USER", db::username);
    registry.add("SCOREBOARD_DB_PASSWORD", db::password);
    TestKafka kafka = TestKafka.shared();
    String topic = kafka.newTopic("score-events", PARTITIONS);
    registry.add("SCOREBOARD_KAFKA_BOOTSTRAP", kafka::bootstrapServers);
    registry.add("scoreboard.kafka.topic", () -> topic);
    DevAuthServer auth = TestAuth.shared();
    registry.add("SCOREBOARD_JWT_JWKS_URL", auth::jwksUrl);
    registry.add("scoreboard.jwt.issuer", auth::issuer);
    registry.add("scoreboard.jwt.audience", () -> DevAuthServer.AUDIENCE);
    // Drawn once: a supplier is asked again on every lookup, and tests read the secret too.
    String actionTokenSecrets = "it1:" + randomSecret();
    registry.add("scoreboard.action-token.secrets", () -> actionTokenSecrets);
    // The shared Redis, each context with its own keys.
    String redisPrefix = TestRedis.shared().newKeyPrefix();
    registry.add("SCOREBOARD_REDIS_URL", TestRedis.shared()::url);
    registry.add("SCOREBOARD_REDIS_KEY_PREFIX", () -> redisPrefix);
  }

  private static String randomSecret() {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    return Base64.getEncoder().encodeToString(secret);
  }

  protected static String newUserId() {
    return UniqueNames.of("user");
  }

  protected static String tokenFor(String userId) {
    return TestAuth.shared()
        .mint(userId, "Player " + userId.substring(userId.length() - 4), List.of());
  }

  protected static String adminToken() {
    return TestAuth.shared().mint(UniqueNames.of("admin"), "Admin", List.of("scoreboard:admin"));
  }

  /** A JSON response: status, headers and the parsed body ({@code null} when empty). */
  protected record Response(int status, java.net.http.HttpHeaders headers, JsonNode body) {
    public String code() {
      return body == null ? null : body.path("code").asString(null);
    }
  }

  protected Response post(String path, String bearer, Object body) {
    return post(
        path, bearer, body instanceof String s ? s : JSON.writeValueAsString(body), Map.of());
  }

  protected Response post(String path, String bearer, String json, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    headers.forEach(request::header);
    return send(request.build());
  }

  /** {@code PUT path} with a JSON body as the holder of {@code bearer}. */
  protected Response put(String path, String bearer, Object body) {
    return send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + bearer)
            .PUT(
                HttpRequest.BodyPublishers.ofString(
                    body instanceof String s ? s : JSON.writeValueAsString(body)))
            .build());
  }

  /** {@code PATCH path} with a JSON body as the holder of {@code bearer}. */
  protected Response patch(String path, String bearer, Object body) {
    return send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + bearer)
            .method(
                "PATCH",
                HttpRequest.BodyPublishers.ofString(
                    body instanceof String s ? s : JSON.writeValueAsString(body)))
            .build());
  }

  protected Response get(String path) {
    return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build());
  }

  /** {@code GET path} as the holder of {@code bearer}. */
  protected Response get(String path, String bearer) {
    return send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Authorization", "Bearer " + bearer)
            .build());
  }

  private Response send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      String body = response.body();
      JsonNode json = body.isEmpty() || !body.startsWith("{") ? null : JSON.readTree(body);
      return new Response(response.statusCode(), response.headers(), json);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Provisions users through the admin API. */
  protected void provision(String... userIds) {
    List<Map<String, Object>> users =
        java.util.Arrays.stream(userIds)
            .map(id -> Map.<String, Object>of("userId", id, "displayName", "Player"))
            .toList();
    Response response = post("/api/v1/admin/users", adminToken(), Map.of("users", users));
    if (response.status() != 200) {
      throw new IllegalStateException("provisioning failed: " + response);
    }
  }

  /** Starts an action and returns its token. */
  protected String startAction(String bearer, String actionType) {
    Response response = post("/api/v1/actions", bearer, Map.of("actionType", actionType));
    if (response.status() != 201) {
      throw new IllegalStateException("start failed: " + response);
    }
    return response.body().path("actionToken").asString();
  }

  protected Response complete(String bearer, String actionToken) {
    return post("/api/v1/actions/complete", bearer, Map.of("actionToken", actionToken));
  }

  protected long count(String sql, Object... params) {
    var statement = jdbc.sql(sql);
    for (Object param : params) {
      statement = statement.param(param);
    }
    return statement.query(Long.class).single();
  }
}
