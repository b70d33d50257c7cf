package dev.livescoreboard.projector.audit;

import static dev.livescoreboard.projector.audit.Histories.SEASON;
import static dev.livescoreboard.projector.audit.Histories.T0;
import static dev.livescoreboard.projector.audit.ProjectorUnderAudit.ADMIN;
import static dev.livescoreboard.projector.audit.ProjectorUnderAudit.AUTH;
import static dev.livescoreboard.projector.audit.ProjectorUnderAudit.boardOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.livescoreboard.events.LeaderboardKeys;
import dev.livescoreboard.events.RankingCodec;
import dev.livescoreboard.infra.audit.AuditCommand;
import dev.livescoreboard.infra.devauth.DevAuthServer;
import dev.livescoreboard.infra.servers.FreePorts;
import dev.livescoreboard.projector.rebuild.ScoreboardDatabase;
import dev.livescoreboard.testsupport.TestKafka;
import dev.livescoreboard.testsupport.TestRedis;
import dev.livescoreboard.testsupport.UniqueNames;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.RedisClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit over real PostgreSQL and Redis. Each test builds a consistent board (rows and events in
 * PostgreSQL, Redis rebuilt from them), then plants one drift the way it happens in production: a
 * raw Redis write (the audit's job is to find drift in Redis), or a PostgreSQL row changed behind
 * the projector's back (the freeze: command-api, which owns it, does not run in projector tests).
 * Every test repairs its board afterwards, so the audit of the whole store stays meaningful.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "logging.level.org.apache.kafka=WARN",
      "logging.level.kafka=WARN",
      "scoreboard.rebuild.auto-detect=false",
      "scoreboard.reconciliation.enabled=false",
      "scoreboard.audit.grace=10s",
      "scoreboard.audit.batch-size=2"
    })
class ConsistencyAuditIT {

  private static final ScoreboardDatabase DB = ScoreboardDatabase.create();
  private static final Histories HISTORY = new Histories(DB);
  private static final String TOPIC = TestKafka.shared().newTopic("score-events-audit", 1);
  private static final String PREFIX = TestRedis.shared().newKeyPrefix();
  private static final LeaderboardKeys KEYS = new LeaderboardKeys(PREFIX);

  private static RedisClient redis;

  private final String board = UniqueNames.of("audit");
  private final String amy = board + "-amy";
  private final String bob = board + "-bob";
  private final String carl = board + "-carl";
  private final String dora = board + "-dora";
  private final Deque<Runnable> repairs = new ArrayDeque<>();

  @LocalServerPort private int port;
  private ProjectorUnderAudit projector;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DB.db::jdbcUrl);
    registry.add("spring.datasource.username", DB.db::username);
    registry.add("spring.datasource.password", DB.db::password);
    registry.add("spring.kafka.bootstrap-servers", TestKafka.shared()::bootstrapServers);
    registry.add("scoreboard.kafka.topic", () -> TOPIC);
    registry.add("scoreboard.kafka.group", () -> UniqueNames.of("projector-audit"));
    registry.add("scoreboard.redis.url", TestRedis.shared()::url);
    registry.add("scoreboard.redis.key-prefix", () -> PREFIX);
    registry.add("scoreboard.jwt.jwks-url", AUTH::jwksUrl);
    registry.add("scoreboard.jwt.issuer", AUTH::issuer);
    registry.add("scoreboard.jwt.audience", () -> DevAuthServer.AUDIENCE);
  }

  @BeforeAll
  static void connect() {
    redis = RedisClient.create(URI.create(TestRedis.shared().url()));
  }

  @AfterAll
  static void disconnect() {
    redis.close();
  }

  /** Amy 50 (two actions), Bob 30 (not public), Carl 30, Dora 999 but frozen long ago. */
  @BeforeEach
  void consistentBoard() {
    projector = new ProjectorUnderAudit(port);
    DB.board(board);
    HISTORY.user(amy, "Amy", true);
    HISTORY.user(bob, "Bob B.", false);
    HISTORY.user(carl, "Carl", true);
    HISTORY.user(dora, "Dora", true);
    HISTORY.played(board, amy, 10, 40);
    HISTORY.played(board, bob, 30);
    HISTORY.played(board, carl, 30);
    HISTORY.played(board, dora, 999);
    HISTORY.status(dora, "frozen", T0.plusSeconds(30));
    projector.rebuild(board, SEASON);
    repairs.push(() -> projector.rebuild(board, SEASON));
  }

  @AfterEach
  void repair() {
    // Newest first: the rebuild, registered first, runs after PostgreSQL has been put back.
    while (!repairs.isEmpty()) {
      repairs.pop().run();
    }
  }

  @Test
  void aConsistentStoreIsOkWithEveryRankedUserCountedAndEveryBoardListed() {
    String empty = board + "-empty";
    DB.board(empty);

    JsonNode report = projector.report();

    assertThat(report.path("ok").asBoolean()).as(report.toString()).isTrue();
    JsonNode entry = boardOf(report, board, SEASON);
    assertThat(entry.path("users").asLong()).as("frozen Dora is not ranked").isEqualTo(3);
    assertThat(entry.path("problemCount").asLong()).isZero();
    assertThat(entry.path("problems").isEmpty()).isTrue();
    assertThat(report.path("outbox").path("unpublished").asLong()).isZero();
    assertThat(report.path("summary").path("problems").asLong()).isZero();
    assertThat(report.path("checkedAt").asString()).isNotBlank();
    assertThat(report.path("durationMs").isNumber()).isTrue();
    assertThat(boardOf(report, empty, SEASON).path("users").isNumber())
        .as("a board nobody scored on is listed in its current season")
        .isTrue();
  }

  @Test
  void aWrongScoreInRedisIsReportedWithBothValues() {
    String member = redis.hget(KEYS.members(board, SEASON), amy);
    redis.zadd(KEYS.ranking(board, SEASON), RankingCodec.sortScore(70), member);

    JsonNode report = projector.report();

    assertThat(report.path("ok").asBoolean()).isFalse();
    JsonNode problem = onlyProblemOf(report);
    assertThat(problem.path("kind").asString()).isEqualTo("SCORE_MISMATCH");
    assertThat(problem.path("userId").asString()).isEqualTo(amy);
    assertThat(problem.path("redis").asLong()).isEqualTo(70);
    assertThat(problem.path("postgres").asLong()).isEqualTo(50);
    assertThat(report.path("summary").path("byKind").path("SCORE_MISMATCH").asLong()).isEqualTo(1);
  }

  @Test
  void aUserOnlyRedisKnowsIsExtra() {
    String ghost = board + "-ghost";
    redis.zadd(
        KEYS.ranking(board, SEASON), RankingCodec.sortScore(500), RankingCodec.member(1, ghost));

    JsonNode problem = onlyProblemOf(projector.report());

    assertThat(problem.path("kind").asString()).isEqualTo("EXTRA_IN_REDIS");
    assertThat(problem.path("userId").asString()).isEqualTo(ghost);
    assertThat(problem.path("redis").asLong()).isEqualTo(500);
  }

  @Test
  void aRankedUserMissingFromRedisIsReported() {
    redis.zrem(KEYS.ranking(board, SEASON), redis.hget(KEYS.members(board, SEASON), carl));

    JsonNode problem = onlyProblemOf(projector.report());

    assertThat(problem.path("kind").asString()).isEqualTo("MISSING_FROM_REDIS");
    assertThat(problem.path("userId").asString()).isEqualTo(carl);
    assertThat(problem.path("postgres").asLong()).isEqualTo(30);
  }

  @Test
  void aWrongNameAndARealNameInsteadOfAnonymousAreReported() {
    redis.hset(KEYS.names(board, SEASON), amy, "Mallory");
    redis.hset(KEYS.names(board, SEASON), bob, "Bob B.");

    JsonNode entry = boardOf(projector.report(), board, SEASON);

    assertThat(entry.path("problemCount").asLong()).isEqualTo(2);
    assertThat(entry.path("problems").valueStream().map(p -> p.path("kind").asString()))
        .containsOnly("NAME_MISMATCH");
    assertThat(
            entry
                .path("problems")
                .valueStream()
                .map(
                    p ->
                        p.path("userId").asString()
                            + "="
                            + p.path("redis").asString()
                            + "/"
                            + p.path("postgres").asString()))
        .containsExactlyInAnyOrder(amy + "=Mallory/Amy", bob + "=Bob B./Anonymous");
  }

  @Test
  void aUserFrozenWhileTheBoardStillShowsThemIsReportedOnceTheFreezeHasSettled() {
    // Frozen behind the projector's back: no event reached Redis, which still shows them.
    HISTORY.status(carl, "frozen", T0.plusSeconds(60));
    HISTORY.status(amy, "frozen", Instant.now());
    repairs.push(() -> HISTORY.status(amy, "active", T0));
    repairs.push(() -> HISTORY.status(carl, "active", T0));

    JsonNode entry = boardOf(projector.report(), board, SEASON);

    assertThat(entry.path("problemCount").asLong())
        .as("Amy's freeze is younger than the grace: in flight, not drift")
        .isEqualTo(1);
    JsonNode problem = entry.path("problems").path(0);
    assertThat(problem.path("kind").asString()).isEqualTo("FROZEN_ON_BOARD");
    assertThat(problem.path("userId").asString()).isEqualTo(carl);
  }

  @Test
  void aScoreRowThatIsNotTheSumOfItsEventsIsReportedEvenWhenRedisAgrees() {
    DB.jdbc.update(
        "UPDATE score_events SET delta = 35 WHERE user_id = ? AND user_version = 2", amy);
    repairs.push(
        () ->
            DB.jdbc.update(
                "UPDATE score_events SET delta = 40 WHERE user_id = ? AND user_version = 2", amy));

    JsonNode problem = onlyProblemOf(projector.report());

    assertThat(problem.path("kind").asString()).isEqualTo("EVENTS_MISMATCH");
    assertThat(problem.path("postgres").asLong()).isEqualTo(50);
    assertThat(problem.path("events").asLong()).isEqualTo(45);
  }

  @Test
  void anOutboxRowUnpublishedForLongerThanTheGraceFailsTheAuditAYoungOneDoesNot() {
    long young = HISTORY.unpublishedOutboxRow(Instant.now());
    repairs.push(() -> HISTORY.published(young));

    JsonNode inFlight = projector.report();

    assertThat(inFlight.path("ok").asBoolean()).as(inFlight.toString()).isTrue();
    assertThat(inFlight.path("outbox").path("unpublished").asLong()).isEqualTo(1);
    assertThat(inFlight.path("outbox").path("stale").asLong()).isZero();

    long old = HISTORY.unpublishedOutboxRow(Instant.now().minusSeconds(3600));
    repairs.push(() -> HISTORY.published(old));

    JsonNode stuck = projector.report();

    assertThat(stuck.path("ok").asBoolean()).isFalse();
    assertThat(stuck.path("outbox").path("unpublished").asLong()).isEqualTo(2);
    assertThat(stuck.path("outbox").path("stale").asLong()).isEqualTo(1);
    assertThat(stuck.path("outbox").path("oldestAgeSeconds").asLong()).isGreaterThanOrEqualTo(3600);
    assertThat(stuck.path("summary").path("problems").asLong()).isZero();
  }

  @Test
  void theAuditNeedsAnAdminToken() {
    HttpResponse<String> anonymous = projector.audit(null);
    HttpResponse<String> player = projector.audit(AUTH.mint(amy, "Amy", List.of()));

    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.body()).contains("\"code\":\"UNAUTHORIZED\"");
    assertThat(player.statusCode()).isEqualTo(403);
    assertThat(player.body()).contains("\"code\":\"FORBIDDEN\"");
    assertThat(projector.audit(ADMIN).statusCode()).isEqualTo(200);
  }

  /**
   * The operator's command (infra's {@code audit}) against this running projector: its exit code is
   * what scripts and the system tests act on.
   */
  @Nested
  class TheAuditCommand {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
      return AuditCommand.run(
          List.of(args),
          env,
          new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String projectorArg() {
      return "--projector=" + projector.baseUrl();
    }

    @Test
    void exitsZeroAndPrintsTheReportWhenConsistentWithATokenMintedByTheDevAuthServer() {
      int exit = run(Map.of(), projectorArg(), "--auth=http://127.0.0.1:" + AUTH.port());

      assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(AuditCommand.OK);
      JsonNode printed =
          JsonMapper.builder().build().readTree(out.toString(StandardCharsets.UTF_8));
      assertThat(printed.path("ok").asBoolean()).isTrue();
      assertThat(boardOf(printed, board, SEASON).path("users").asLong()).isEqualTo(3);
    }

    @Test
    void exitsOneOnDriftWithTheTokenFromTheEnvironment() {
      redis.hset(KEYS.names(board, SEASON), carl, "Mallory");

      int exit = run(Map.of("SCOREBOARD_ADMIN_TOKEN", ADMIN), projectorArg());

      assertThat(exit).isEqualTo(AuditCommand.DRIFT);
      assertThat(out.toString(StandardCharsets.UTF_8))
          .contains("NAME_MISMATCH")
          .contains("\"ok\" : false");
    }

    @Test
    void exitsTwoWhenTheAuditCannotRun() {
      String player = AUTH.mint(amy, "Amy", List.of());

      assertThat(run(Map.of("SCOREBOARD_ADMIN_TOKEN", player), projectorArg()))
          .as("refused token")
          .isEqualTo(AuditCommand.CANNOT_RUN);
      assertThat(err.toString(StandardCharsets.UTF_8)).contains("403");
      assertThat(
              run(
                  Map.of("SCOREBOARD_ADMIN_TOKEN", ADMIN),
                  "--projector=http://127.0.0.1:" + FreePorts.pick(0)))
          .as("no projector there")
          .isEqualTo(AuditCommand.CANNOT_RUN);
      assertThat(run(Map.of(), projectorArg(), "--bogus")).isEqualTo(AuditCommand.CANNOT_RUN);
      assertThat(out.size()).as("nothing printed as a report").isZero();
    }
  }

  /** The single problem of this test's board, the audit failing because of it alone. */
  private JsonNode onlyProblemOf(JsonNode report) {
    assertThat(report.path("ok").asBoolean()).isFalse();
    assertThat(report.path("summary").path("problems").asLong()).as(report.toString()).isEqualTo(1);
    JsonNode entry = boardOf(report, board, SEASON);
    assertThat(entry.path("problemCount").asLong()).isEqualTo(1);
    return entry.path("problems").path(0);
  }
}
