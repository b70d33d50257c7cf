package dev.livescoreboard.command.outage;

import static dev.livescoreboard.testsupport.AnswerBound.allWithin;
import static dev.livescoreboard.testsupport.AnswerBound.within;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import dev.livescoreboard.command.CommandApiTestBase;
import dev.livescoreboard.infra.servers.EmbeddedPostgresServer;
import dev.livescoreboard.testsupport.FrozenProcess;
import dev.livescoreboard.testsupport.TestPostgres;
import dev.livescoreboard.testsupport.UniqueNames;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * PostgreSQL hangs under a running command-api (its own server, frozen with SIGSTOP: connections
 * stay open, nothing answers): player writes, {@code /users/me}, admin endpoints and the health
 * endpoint all answer within SPEC §10's 5 s, the API ones with 503 {@code UNAVAILABLE} and {@code
 * Retry-After}; after SIGCONT the pool serves again by itself with no connection left stuck, and
 * nothing is half-written. And the subtle case: a COMMIT that PostgreSQL carried out but whose
 * answer never came back is a 503 too, and retrying it is safe.
 */
// Its server is closed after the class: the context, which talks to it, goes with it.
@DirtiesContext
class PostgresHungIT extends CommandApiTestBase {

  private static final String DATABASE = "scoreboard";
  private static final EmbeddedPostgresServer POSTGRES =
      TestPostgres.startOwnServer(
          Path.of(System.getProperty("java.io.tmpdir"), UniqueNames.of("hung-pg"), "data"), 0);

  @Autowired private DataSource dataSource;

  @DynamicPropertySource
  static void ownPostgres(DynamicPropertyRegistry registry) {
    POSTGRES.createDatabaseIfMissing(DATABASE);
    registry.add("spring.datasource.url", () -> POSTGRES.jdbcUrl(DATABASE));
    registry.add("spring.datasource.username", () -> EmbeddedPostgresServer.USER);
    registry.add("spring.datasource.password", () -> EmbeddedPostgresServer.PASSWORD);
  }

  @AfterAll
  static void stopPostgres() {
    POSTGRES.close();
  }

  @Test
  void everyRequestAnswersWithinTheBoundWhilePostgresHangsAndThePoolRecoversAfter()
      throws Exception {
    assertThat(count("SELECT inet_server_port()")).isEqualTo(POSTGRES.port());
    String user = newUserId();
    provision(user);
    String bearer = tokenFor(user);
    assertThat(complete(bearer, startAction(bearer, "COMPLETE_LEVEL")).status()).isEqualTo(200);
    String startedBeforeHang = startAction(bearer, "WIN_MATCH");
    // A user who has not started lately: a start of a user found active within the last
    // scoreboard.users.start-cache-ttl needs no PostgreSQL (its complete does).
    String newcomer = newUserId();
    provision(newcomer);
    String newcomerBearer = tokenFor(newcomer);
    String admin = adminToken();
    String history = "/api/v1/admin/users/" + user + "/history";
    Map<String, Object> adjustment = Map.of("board", "global", "delta", 5, "reason", "hung");

    try (FrozenProcess hung = FrozenProcess.freeze(POSTGRES.pid())) {
      // Every kind of request at once, more than the pool has connections: none waits unbounded.
      List<ThrowingSupplier<Response>> requests = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        requests.add(() -> complete(bearer, startedBeforeHang));
        requests.add(
            () -> post("/api/v1/actions", newcomerBearer, Map.of("actionType", "WIN_MATCH")));
        requests.add(() -> get("/api/v1/users/me", bearer));
        requests.add(() -> get(history, admin));
        requests.add(() -> post("/api/v1/admin/users/" + user + "/adjustments", admin, adjustment));
        requests.add(
            () -> patch("/api/v1/admin/users/" + user, admin, Map.of("displayName", "Renamed")));
      }
      for (Response response : allWithin(requests)) {
        assertUnavailable(response);
      }
      Response health = within(() -> get("/actuator/health"));
      assertThat(health.status()).isEqualTo(503);
      assertThat(health.body().path("status").asString()).isEqualTo("DOWN");
    }

    // Resumed: the pool serves again by itself, and the token refused meanwhile was never used.
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> complete(bearer, startedBeforeHang).status() == 200);
    assertThat(complete(bearer, startedBeforeHang).code()).isEqualTo("ACTION_ALREADY_COMPLETED");
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> get("/actuator/health").status() == 200);
    HikariPoolMXBean pool = ((HikariDataSource) dataSource).getHikariPoolMXBean();
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              assertThat(pool.getActiveConnections()).as("connections still in use").isZero();
              assertThat(pool.getThreadsAwaitingConnection()).isZero();
            });
    List<ThrowingSupplier<Response>> burst = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      String token = startAction(bearer, "COMPLETE_LEVEL");
      burst.add(() -> complete(bearer, token));
    }
    assertThat(allWithin(burst)).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));

    long score = count("SELECT score FROM user_scores WHERE user_id = ?", user);
    assertThat(score).isEqualTo(10 + 20 + 24 * 10);
    assertThat(count("SELECT coalesce(sum(delta), 0) FROM score_events WHERE user_id = ?", user))
        .as("score == sum of events")
        .isEqualTo(score);
    assertThat(
            count(
                "SELECT count(*) FROM score_events e WHERE e.user_id = ? AND (SELECT count(*)"
                    + " FROM outbox o WHERE o.payload::jsonb ->> 'eventId' = e.id::text) <> 1",
                user))
        .as("events without exactly one outbox row")
        .isZero();
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> count("SELECT count(*) FROM outbox WHERE published_at IS NULL") == 0);
  }

  /**
   * PostgreSQL commits but its answer never arrives: commits wait for a synchronous standby that
   * does not exist (committed locally, not yet acknowledged), so the client's socket timeout fires
   * after the COMMIT was carried out. The request is a 503 like any other; once PostgreSQL lets the
   * commit through, a retry with the same {@code Idempotency-Key} replays the original answer and a
   * retry without it is refused: the action counted exactly once.
   */
  @Test
  void aCommitWhoseAnswerWasLostCountsOnceAndIsSafeToRetry() throws Exception {
    String user = newUserId();
    provision(user);
    String bearer = tokenFor(user);
    String token = startAction(bearer, "COMPLETE_LEVEL");
    Map<String, String> key = Map.of("Idempotency-Key", UniqueNames.of("retry"));
    String body = JSON.writeValueAsString(Map.of("actionToken", token));

    Response lost;
    alterSystem("SET synchronous_standby_names = 'nobody'");
    try {
      lost = within(() -> post("/api/v1/actions/complete", bearer, body, key));
    } finally {
      alterSystem("RESET synchronous_standby_names");
    }

    assertUnavailable(lost);
    // Released, the commit that was carried out becomes visible: the 503 hid a success.
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> count("SELECT count(*) FROM score_events WHERE user_id = ?", user) == 1);
    Response replayed = post("/api/v1/actions/complete", bearer, body, key);
    assertThat(replayed.status()).isEqualTo(200);
    assertThat(replayed.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(replayed.body().path("eventId").asString())
        .isEqualTo(
            jdbc.sql("SELECT id::text FROM score_events WHERE user_id = ?")
                .param(user)
                .query(String.class)
                .single());
    assertThat(complete(bearer, token).code()).isEqualTo("ACTION_ALREADY_COMPLETED");
    assertThat(count("SELECT score FROM user_scores WHERE user_id = ?", user)).isEqualTo(10);
    assertThat(count("SELECT count(*) FROM score_events WHERE user_id = ?", user)).isEqualTo(1);
  }

  private static void assertUnavailable(Response response) {
    assertThat(response.status()).as("%s", response).isEqualTo(503);
    assertThat(response.code()).isEqualTo("UNAVAILABLE");
    assertThat(response.headers().firstValue("Retry-After")).isPresent();
    assertThat(response.body().toString()).doesNotContain("Exception", "SQL", "org.");
  }

  /** {@code ALTER SYSTEM …} on the test's own server, then a configuration reload. */
  private static void alterSystem(String change) throws SQLException {
    try (Connection admin =
            DriverManager.getConnection(
                POSTGRES.jdbcUrl("postgres"),
                EmbeddedPostgresServer.USER,
                EmbeddedPostgresServer.PASSWORD);
        Statement statement = admin.createStatement()) {
      statement.execute("ALTER SYSTEM " + change);
      statement.execute("SELECT pg_reload_conf()");
      // The postmaster passes the reload on to every backend at once: once this one has it, the
      // pool's backends have it too (each applies it before its next statement).
      String expected = change.startsWith("RESET") ? "" : "nobody";
      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> expected.equals(setting(statement, "synchronous_standby_names")));
    }
  }

  private static String setting(Statement statement, String name) throws SQLException {
    try (var rows = statement.executeQuery("SELECT current_setting('" + name + "')")) {
      rows.next();
      return rows.getString(1);
    }
  }
}
