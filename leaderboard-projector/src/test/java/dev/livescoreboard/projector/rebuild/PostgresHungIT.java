package dev.livescoreboard.projector.rebuild;

import static dev.livescoreboard.testsupport.AnswerBound.allWithin;
import static dev.livescoreboard.testsupport.AnswerBound.within;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.livescoreboard.auth.VerifiedAccessToken;
import dev.livescoreboard.events.LeaderboardKeys;
import dev.livescoreboard.infra.devauth.DevAuthServer;
import dev.livescoreboard.infra.servers.EmbeddedPostgresServer;
import dev.livescoreboard.projector.ActuatorHealth;
import dev.livescoreboard.testsupport.FrozenProcess;
import dev.livescoreboard.testsupport.TestAuth;
import dev.livescoreboard.testsupport.TestKafka;
import dev.livescoreboard.testsupport.TestPostgres;
import dev.livescoreboard.testsupport.TestRedis;
import dev.livescoreboard.testsupport.UniqueNames;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingSupplier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.RedisClient;

/**
 * PostgreSQL hangs under a running projector (its own server, frozen with SIGSTOP): rebuild and
 * audit requests answer 503 {@code UNAVAILABLE} with {@code Retry-After} within SPEC §10's 5 s,
 * however many come at once, and health turns DOWN, while events are still projected and the
 * readiness and liveness the probes ask for stay UP (PostgreSQL is only needed for those jobs).
 * After SIGCONT health is UP and both work again, no rebuild marker left behind.
 */
// Its server is closed after the class: the context, which talks to it, goes with it.
@DirtiesContext
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "logging.level.org.apache.kafka=WARN",
      "logging.level.kafka=WARN",
      "scoreboard.audit.grace=0s",
      "management.endpoint.health.probes.enabled=true",
      // The scheduled jobs run on and on meanwhile: they must not hold up the requests.
      "scoreboard.rebuild.check-interval=1s",
      "scoreboard.reconciliation.interval=1s"
    })
class PostgresHungIT {

  private static final EmbeddedPostgresServer POSTGRES =
      TestPostgres.startOwnServer(
          Path.of(System.getProperty("java.io.tmpdir"), UniqueNames.of("projector-pg"), "data"), 0);
  private static final ScoreboardDatabase DB = ScoreboardDatabase.create(ownDatabase());
  private static final String TOPIC = TestKafka.shared().newTopic("score-events-pg-hung", 1);
  private static final String PREFIX = TestRedis.shared().newKeyPrefix();
  private static final LeaderboardKeys KEYS = new LeaderboardKeys(PREFIX);
  private static final String SEASON = "all-time";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final DevAuthServer AUTH = TestAuth.shared();
  private static final String ADMIN =
      AUTH.mint("hung-admin", "Admin", List.of(VerifiedAccessToken.ADMIN_ROLE));

  private static RedisClient redis;
  private static EventSender kafka;

  @LocalServerPort private int port;

  private static TestPostgres.Database ownDatabase() {
    POSTGRES.createDatabaseIfMissing("scoreboard");
    return new TestPostgres.Database(
        POSTGRES.jdbcUrl("scoreboard"),
        EmbeddedPostgresServer.USER,
        EmbeddedPostgresServer.PASSWORD);
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DB.db::jdbcUrl);
    registry.add("spring.datasource.username", DB.db::username);
    registry.add("spring.datasource.password", DB.db::password);
    registry.add("spring.kafka.bootstrap-servers", TestKafka.shared()::bootstrapServers);
    registry.add("scoreboard.kafka.topic", () -> TOPIC);
    registry.add("scoreboard.kafka.group", () -> UniqueNames.of("projector-pg-hung"));
    registry.add("scoreboard.redis.url", TestRedis.shared()::url);
    registry.add("scoreboard.redis.key-prefix", () -> PREFIX);
    registry.add("scoreboard.jwt.jwks-url", AUTH::jwksUrl);
    registry.add("scoreboard.jwt.issuer", AUTH::issuer);
    registry.add("scoreboard.jwt.audience", () -> DevAuthServer.AUDIENCE);
  }

  @BeforeAll
  static void connect() {
    redis = RedisClient.create(URI.create(TestRedis.shared().url()));
    kafka = new EventSender(TestKafka.shared().bootstrapServers(), TOPIC);
  }

  @AfterAll
  static void stop() {
    kafka.close();
    redis.close();
    POSTGRES.close();
  }

  @Test
  void rebuildAndAuditAnswer503WithinTheBoundWhilePostgresHangsAndWorkAgainAfter()
      throws Exception {
    String board = UniqueNames.of("hung");
    Instant reached = Instant.parse("2026-11-24T10:00:00.123456Z");
    DB.board(board);
    DB.user(board + "-amy", "Amy", "active", true);
    DB.score(board, SEASON, board + "-amy", 50, 1, reached);
    // Committed now, its event sent while PostgreSQL hangs (the reconciliation's grace covers it).
    DB.user(board + "-bob", "Bob", "active", true);
    DB.score(board, SEASON, board + "-bob", 70, 1, reached.plusSeconds(1));
    String rebuild = "/admin/rebuild?board=" + board + "&season=" + SEASON;
    assertThat(post(rebuild).statusCode()).isEqualTo(200);

    try (FrozenProcess hung = FrozenProcess.freeze(POSTGRES.pid())) {
      List<ThrowingSupplier<HttpResponse<String>>> requests = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        requests.add(() -> post(rebuild));
        requests.add(() -> post("/api/v1/admin/audit"));
      }
      List<HttpResponse<String>> responses = allWithin(requests);
      // One rebuild of a board at a time: those that come while one runs are refused at once.
      List<HttpResponse<String>> unavailable =
          responses.stream().filter(r -> !r.body().contains("REBUILD_IN_PROGRESS")).toList();
      assertThat(unavailable).hasSizeGreaterThanOrEqualTo(requests.size() / 2 + 1);
      for (HttpResponse<String> response : unavailable) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.body()).contains("\"code\":\"UNAVAILABLE\"");
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
      }
      // Projecting needs no PostgreSQL.
      kafka.send(board, SEASON, board + "-bob", "Bob", 0, 70, 1, reached.plusSeconds(1));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> "1".equals(redis.hget(KEYS.versions(board, SEASON), board + "-bob")));
      assertThat(within(() -> ActuatorHealth.status(port))).isEqualTo(503);
      assertThat(within(() -> ActuatorHealth.status(port, "readiness"))).isEqualTo(200);
      assertThat(within(() -> ActuatorHealth.status(port, "liveness"))).isEqualTo(200);
    }
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> ActuatorHealth.status(port) == 200);

    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> post(rebuild).statusCode() == 200);
    HttpResponse<String> audit = post("/api/v1/admin/audit");
    assertThat(audit.statusCode()).isEqualTo(200);
    assertThat(redis.zcard(KEYS.ranking(board, SEASON))).isEqualTo(2);
  }

  private HttpResponse<String> post(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Authorization", "Bearer " + ADMIN)
            .POST(HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
