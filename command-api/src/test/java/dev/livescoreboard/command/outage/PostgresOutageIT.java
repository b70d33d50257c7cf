package dev.livescoreboard.command.outage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.livescoreboard.command.TopicReader;
import dev.livescoreboard.infra.devauth.DevAuthServer;
import dev.livescoreboard.infra.servers.EmbeddedPostgresServer;
import dev.livescoreboard.testsupport.TestAuth;
import dev.livescoreboard.testsupport.TestKafka;
import dev.livescoreboard.testsupport.TestPostgres;
import dev.livescoreboard.testsupport.TestRedis;
import dev.livescoreboard.testsupport.UniqueNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
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
 * PostgreSQL stops under a running command-api (its own server, so stopping it harms no other
 * test): writes answer 503 {@code UNAVAILABLE} with {@code Retry-After} instead of hanging or
 * failing with 500; after a restart on the same port and data directory, writes succeed again, the
 * outbox relay resumes by itself and nothing is half-written.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "logging.level.org.apache.kafka=WARN",
      "logging.level.kafka=WARN",
      "scoreboard.kafka.partitions=1",
      "scoreboard.rate-limits.enabled=false"
    })
class PostgresOutageIT {

  private static final String DATABASE = "scoreboard";
  private static final Path DATA_DIR =
      Path.of(System.getProperty("java.io.tmpdir"), UniqueNames.of("outage-pg"), "data");
  // Only a guard against a hang: Hikari gives up on a connection after 2 s.
  private static final Duration HANG_GUARD = Duration.ofSeconds(20);

  private static EmbeddedPostgresServer postgres;
  private static int postgresPort;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort private int port;
  @Autowired private JdbcClient jdbc;

  @Value("${spring.datasource.url}")
  private String datasourceUrl;

  @Value("${scoreboard.kafka.topic}")
  private String topic;

  private final HttpClient http = HttpClient.newHttpClient();

  // Not CommandApiTestBase: its database would take precedence over this class's own server.
  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    String kafkaTopic = TestKafka.shared().newTopic("outage-events", 1);
    registry.add("spring.kafka.bootstrap-servers", TestKafka.shared()::bootstrapServers);
    registry.add("scoreboard.kafka.topic", () -> kafkaTopic);
    DevAuthServer auth = TestAuth.shared();
    registry.add("scoreboard.jwt.jwks-url", auth::jwksUrl);
    registry.add("scoreboard.jwt.issuer", auth::issuer);
    registry.add("scoreboard.jwt.audience", () -> DevAuthServer.AUDIENCE);
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    String secrets = "outage:" + Base64.getEncoder().encodeToString(secret);
    registry.add("scoreboard.action-token.secrets", () -> secrets);
    String redisPrefix = TestRedis.shared().newKeyPrefix();
    registry.add("scoreboard.redis.url", TestRedis.shared()::url);
    registry.add("scoreboard.redis.key-prefix", () -> redisPrefix);
    postgres = TestPostgres.startOwnServer(DATA_DIR, 0);
    postgresPort = postgres.port();
    postgres.createDatabaseIfMissing(DATABASE);
    String url = postgres.jdbcUrl(DATABASE);
    registry.add("spring.datasource.url", () -> url);
    registry.add("spring.datasource.username", () -> EmbeddedPostgresServer.USER);
    registry.add("spring.datasource.password", () -> EmbeddedPostgresServer.PASSWORD);
  }

  @AfterAll
  static void stopPostgres() {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void writesAnswer503WhilePostgresIsDownAndRecoverWithNothingLostOrHalfWritten() {
    assertThat(datasourceUrl).as("this class's own PostgreSQL").contains(":" + postgresPort + "/");
    String user = UniqueNames.of("outage-user");
    assertThat(post("/api/v1/admin/users", adminToken(), provisioning(user)).status())
        .isEqualTo(200);
    String bearer = TestAuth.shared().mint(user, "Outage", List.of());
    assertThat(complete(bearer, startAction(bearer, "COMPLETE_LEVEL")).status()).isEqualTo(200);
    String startedBeforeOutage = startAction(bearer, "WIN_MATCH");
    // A user who has not started lately: a start of a user found active within the last
    // scoreboard.users.start-cache-ttl needs no PostgreSQL (its complete does).
    String newcomer = UniqueNames.of("outage-user");
    assertThat(post("/api/v1/admin/users", adminToken(), provisioning(newcomer)).status())
        .isEqualTo(200);
    String newcomerBearer = TestAuth.shared().mint(newcomer, "Newcomer", List.of());

    postgres.close();

    assertUnavailable(() -> complete(bearer, startedBeforeOutage));
    assertUnavailable(
        () -> post("/api/v1/actions", newcomerBearer, Map.of("actionType", "WIN_MATCH")));
    assertUnavailable(() -> complete(bearer, startedBeforeOutage));

    postgres = TestPostgres.startOwnServer(DATA_DIR, postgresPort);

    // The pool reconnects on its own; the token refused during the outage was never consumed.
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> complete(bearer, startedBeforeOutage).status() == 200);
    for (int i = 0; i < 3; i++) {
      assertThat(complete(bearer, startAction(bearer, "COMPLETE_LEVEL")).status()).isEqualTo(200);
    }

    long score = count("SELECT score FROM user_scores WHERE user_id = ?", user);
    assertThat(score).isEqualTo(10 + 20 + 3 * 10);
    assertThat(count("SELECT coalesce(sum(delta), 0) FROM score_events WHERE user_id = ?", user))
        .as("score == sum of events")
        .isEqualTo(score);
    assertThat(count("SELECT count(*) FROM score_events WHERE user_id = ?", user)).isEqualTo(5);
    assertThat(
            count(
                "SELECT count(*) FROM score_events e WHERE e.user_id = ? AND (SELECT count(*)"
                    + " FROM outbox o WHERE o.payload::jsonb ->> 'eventId' = e.id::text) <> 1",
                user))
        .as("events without exactly one outbox row")
        .isZero();
    assertEveryEventReachesKafka(user);
  }

  private void assertEveryEventReachesKafka(String user) {
    Set<String> eventIds =
        new HashSet<>(
            jdbc.sql("SELECT id::text FROM score_events WHERE user_id = ?")
                .param(user)
                .query(String.class)
                .list());
    String key = "global:" + user;
    try (TopicReader reader = new TopicReader(topic)) {
      reader.readUntil(records -> TopicReader.scoreEventIds(records, key).containsAll(eventIds));
    }
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                count(
                        "SELECT count(*) FROM outbox WHERE published_at IS NULL AND aggregateid = ?",
                        key)
                    == 0);
  }

  private Response complete(String bearer, String actionToken) {
    return post("/api/v1/actions/complete", bearer, Map.of("actionToken", actionToken));
  }

  private String startAction(String bearer, String actionType) {
    Response started = post("/api/v1/actions", bearer, Map.of("actionType", actionType));
    assertThat(started.status()).as("%s", started).isEqualTo(201);
    return started.body().path("actionToken").asString();
  }

  private static Map<String, Object> provisioning(String user) {
    return Map.of("users", List.of(Map.of("userId", user, "displayName", "Outage")));
  }

  private static String adminToken() {
    return TestAuth.shared().mint("outage-admin", "Admin", List.of("scoreboard:admin"));
  }

  private long count(String sql, Object... params) {
    var statement = jdbc.sql(sql);
    for (Object param : params) {
      statement = statement.param(param);
    }
    return statement.query(Long.class).single();
  }

  /** A response: status, headers, parsed JSON body. */
  private record Response(int status, java.net.http.HttpHeaders headers, JsonNode body) {
    String code() {
      return body.path("code").asString(null);
    }
  }

  private Response post(String path, String bearer, Object body) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + bearer)
            .timeout(HANG_GUARD)
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Response(
          response.statusCode(), response.headers(), JSON.readTree(response.body()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void assertUnavailable(Supplier<Response> request) {
    Response response = assertTimeoutPreemptively(HANG_GUARD, request::get);
    assertThat(response.status()).as("%s", response).isEqualTo(503);
    assertThat(response.code()).isEqualTo("UNAVAILABLE");
    assertThat(response.headers().firstValue("Retry-After")).isPresent();
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(response.body().toString()).doesNotContain("Exception", "SQL", "org.");
  }
}
