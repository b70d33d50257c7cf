package dev.livescoreboard.projector.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jwt.SignedJWT;
import dev.livescoreboard.auth.VerifiedAccessToken;
import dev.livescoreboard.auth.revocation.RevocationKeys;
import dev.livescoreboard.auth.revocation.RevocationStore;
import dev.livescoreboard.events.EventJson;
import dev.livescoreboard.events.LeaderboardEntry;
import dev.livescoreboard.events.LeaderboardKeys;
import dev.livescoreboard.events.RankingCodec;
import dev.livescoreboard.events.TopNChanged;
import dev.livescoreboard.infra.devauth.DevAuthServer;
import dev.livescoreboard.testsupport.TestAuth;
import dev.livescoreboard.testsupport.TestKafka;
import dev.livescoreboard.testsupport.TestRedis;
import dev.livescoreboard.testsupport.UniqueNames;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.RedisClient;

/** Rebuild from real PostgreSQL into real Redis while real Kafka keeps delivering events. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "logging.level.org.apache.kafka=WARN",
      "logging.level.kafka=WARN",
      "scoreboard.projection.top-n=3",
      "scoreboard.rebuild.auto-detect=false",
      "scoreboard.reconciliation.enabled=false",
      "scoreboard.reconciliation.grace=0s",
      "scoreboard.rebuild.write-batch-size=2"
    })
class LeaderboardRebuildIT {

  private static final ScoreboardDatabase DB = ScoreboardDatabase.create();
  private static final String TOPIC = TestKafka.shared().newTopic("score-events-rebuild", 2);
  private static final String PREFIX = TestRedis.shared().newKeyPrefix();
  private static final LeaderboardKeys KEYS = new LeaderboardKeys(PREFIX);
  private static final String SEASON = "all-time";
  private static final Instant T0 = Instant.parse("2026-11-24T10:00:00.123456Z");
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final DevAuthServer AUTH = TestAuth.shared();
  private static final String ADMIN =
      AUTH.mint("rebuild-admin", "Admin", List.of(VerifiedAccessToken.ADMIN_ROLE));

  private static RedisClient redis;
  private static EventSender kafka;

  private final String board = UniqueNames.of("rb");

  @LocalServerPort private int port;
  @Autowired private LeaderboardRebuilder rebuilder;
  @Autowired private Reconciler reconciler;
  @Autowired private MeterRegistry meters;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DB.db::jdbcUrl);
    registry.add("spring.datasource.username", DB.db::username);
    registry.add("spring.datasource.password", DB.db::password);
    registry.add("spring.kafka.bootstrap-servers", TestKafka.shared()::bootstrapServers);
    registry.add("scoreboard.kafka.topic", () -> TOPIC);
    registry.add("scoreboard.kafka.group", () -> UniqueNames.of("projector-rebuild"));
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
  static void disconnect() {
    kafka.close();
    redis.close();
  }

  @Test
  void rebuiltBoardEqualsWhatTheEventsBuiltAndTheNextEventStillApplies() throws Exception {
    DB.board(board);
    String amy = board + "-amy";
    String bob = board + "-bob";
    String carl = board + "-carl";
    String dora = board + "-dora";
    DB.user(amy, "Amy", "active", true);
    DB.user(bob, "Bob B.", "active", false);
    DB.user(carl, "Carl", "active", true);
    DB.user(dora, "Dora", "frozen", true);
    // The same history through both paths: events (apply) and committed rows (rebuild).
    send(amy, "Amy", 0, 10, 1, T0);
    send(amy, "Amy", 10, 50, 2, T0.plusSeconds(2));
    send(bob, "Anonymous", 0, 30, 1, T0.plusSeconds(1));
    send(carl, "Carl", 0, 30, 1, T0.plusMillis(500));
    awaitVersion(amy, "2");
    awaitVersion(bob, "1");
    awaitVersion(carl, "1");
    DB.score(board, SEASON, amy, 50, 2, T0.plusSeconds(2));
    DB.score(board, SEASON, bob, 30, 1, T0.plusSeconds(1));
    DB.score(board, SEASON, carl, 30, 1, T0.plusMillis(500));
    DB.score(board, SEASON, dora, 999, 3, T0);
    BoardState applied = BoardState.read(redis, KEYS, board, SEASON);
    long seqBefore = BoardState.seq(redis, KEYS, board, SEASON);
    redis.del(redis.keys(PREFIX + "lb:{" + board + "}:*").toArray(String[]::new));

    HttpResponse<String> response = post("/admin/rebuild?board=" + board + "&season=" + SEASON);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"users\":3").contains("\"trigger\":\"manual\"");
    BoardState rebuilt = BoardState.read(redis, KEYS, board, SEASON);
    assertThat(rebuilt).isEqualTo(applied);
    assertThat(rebuilt.top())
        .containsExactly(
            new LeaderboardEntry(1, amy, "Amy", 50),
            new LeaderboardEntry(2, carl, "Carl", 30),
            new LeaderboardEntry(3, bob, "Anonymous", 30));
    assertThat(BoardState.seq(redis, KEYS, board, SEASON)).isGreaterThan(seqBefore);
    assertThat(
            redis.exists(
                new dev.livescoreboard.projector.script.ScriptKeys(KEYS).built(board, SEASON)))
        .isTrue();
    assertThat(redis.keys(PREFIX + "lb:{" + board + "}:*rebuild*")).isEmpty();
    assertThat(redis.ttl(KEYS.ranking(board, SEASON))).isEqualTo(-1);

    send(bob, "Anonymous", 30, 70, 2, T0.plusSeconds(5));
    DB.score(board, SEASON, bob, 70, 2, T0.plusSeconds(5));
    awaitVersion(bob, "2");
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(BoardState.read(redis, KEYS, board, SEASON).top())
                    .extracting(LeaderboardEntry::userId)
                    .containsExactly(bob, amy, carl));
    assertThat(meters.get("scoreboard.projector.rebuild").tag("trigger", "manual").timer().count())
        .isGreaterThanOrEqualTo(1);
  }

  @Test
  void eventAppliedWhileTheRebuildStreamedIsKeptBySwap() {
    DB.board(board);
    String amy = board + "-amy";
    String bob = board + "-bob";
    DB.user(amy, "Amy", "active", true);
    DB.user(bob, "Bob", "active", true);
    DB.score(board, SEASON, amy, 10, 1, T0);
    DB.score(board, SEASON, bob, 20, 1, T0);
    BoardSeason target = new BoardSeason(board, SEASON);

    LeaderboardRebuilder.Rebuild rebuild = rebuilder.begin(target);
    RebuiltBoardWriter written = rebuilder.copy(rebuild);
    // committed after the rebuild's snapshot: only Kafka knows it
    DB.score(board, SEASON, amy, 40, 2, T0.plusSeconds(3));
    send(amy, "Amy", 10, 40, 2, T0.plusSeconds(3));
    awaitVersion(amy, "2");
    RebuildResult result = rebuilder.swap(rebuild, written, "manual");

    assertThat(result.users()).isEqualTo(2);
    assertThat(result.carriedOver()).isEqualTo(1);
    assertThat(redis.hget(KEYS.versions(board, SEASON), amy)).isEqualTo("2");
    assertThat(redis.zrangeWithScores(KEYS.ranking(board, SEASON), 0, -1))
        .extracting(t -> RankingCodec.userId(t.getElement()), t -> RankingCodec.score(t.getScore()))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(amy, 40L),
            org.assertj.core.groups.Tuple.tuple(bob, 20L));
    assertThat(redis.exists(KEYS.ranking(board, SEASON) + ":rebuild")).isFalse();
  }

  @Test
  void userFrozenWhileTheRebuildStreamedStaysOffTheBoardAfterTheSwap() {
    DB.board(board);
    String amy = board + "-amy";
    String bob = board + "-bob";
    DB.user(amy, "Amy", "active", true);
    DB.user(bob, "Bob", "active", true);
    DB.score(board, SEASON, amy, 10, 1, T0);
    DB.score(board, SEASON, bob, 20, 1, T0);
    BoardSeason target = new BoardSeason(board, SEASON);

    LeaderboardRebuilder.Rebuild rebuild = rebuilder.begin(target);
    RebuiltBoardWriter written = rebuilder.copy(rebuild);
    // frozen after the rebuild's snapshot, which still ranks amy
    DB.change(amy, "Amy", "frozen", true);
    DB.score(board, SEASON, amy, 10, 2, T0);
    kafka.sendEntryChange(board, SEASON, amy, "Amy", "frozen", "FROZEN", 10, 2, T0);
    awaitVersion(amy, "2");
    RebuildResult result = rebuilder.swap(rebuild, written, "manual");

    assertThat(result.carriedOver()).isEqualTo(1);
    assertThat(redis.zrange(KEYS.ranking(board, SEASON), 0, -1))
        .extracting(RankingCodec::userId)
        .containsExactly(bob);
    assertThat(redis.hexists(KEYS.names(board, SEASON), amy)).isFalse();
    assertThat(redis.hget(KEYS.versions(board, SEASON), amy)).isEqualTo("2");
  }

  @Test
  void reconciliationRepairsAWrongNameAHiddenNameAndAFrozenUserStillOnTheBoard() {
    DB.board(board);
    String amy = board + "-amy";
    String bob = board + "-bob";
    DB.user(amy, "Amy", "active", true);
    DB.user(bob, "Bob", "active", true);
    DB.score(board, SEASON, amy, 25, 1, T0);
    DB.score(board, SEASON, bob, 15, 1, T0);
    rebuilder.rebuild(new BoardSeason(board, SEASON), "manual");
    assertThat(reconciler.reconcile()).isZero();

    redis.hset(KEYS.names(board, SEASON), amy, "Mallory");
    assertThat(reconciler.reconcile()).isEqualTo(1);
    assertThat(redis.hget(KEYS.names(board, SEASON), amy)).isEqualTo("Amy");
    assertThat(top().entries()).extracting(LeaderboardEntry::displayName).contains("Amy");

    // Changed in PostgreSQL, the events lost: same versions, so only the names tell.
    DB.change(amy, "Amy", "active", false);
    DB.change(bob, "Bob", "frozen", true);
    assertThat(reconciler.reconcile()).isEqualTo(2);
    assertThat(redis.hget(KEYS.names(board, SEASON), amy)).isEqualTo("Anonymous");
    assertThat(redis.zrange(KEYS.ranking(board, SEASON), 0, -1))
        .extracting(RankingCodec::userId)
        .containsExactly(amy);
    assertThat(reconciler.reconcile()).isZero();
  }

  @Test
  void reconciliationFindsACorruptedScoreAndRepairsIt() {
    DB.board(board);
    String amy = board + "-amy";
    DB.user(amy, "Amy", "active", true);
    DB.score(board, SEASON, amy, 25, 1, T0);
    rebuilder.rebuild(new BoardSeason(board, SEASON), "manual");
    assertThat(reconciler.reconcile()).isZero();
    String member = redis.hget(KEYS.members(board, SEASON), amy);
    redis.zadd(KEYS.ranking(board, SEASON), RankingCodec.sortScore(1_000_000), member);

    long drift = reconciler.reconcile();

    assertThat(drift).isEqualTo(1);
    assertThat(meters.get("scoreboard.projector.reconciliation.drift").gauge().value())
        .isEqualTo(1);
    assertThat(RankingCodec.score(redis.zscore(KEYS.ranking(board, SEASON), member))).isEqualTo(25);
    assertThat(reconciler.reconcile()).isZero();
  }

  @Test
  void adminEndpointAnswersProblemsForBadInputAndARunningRebuild() throws Exception {
    DB.board(board);
    HttpResponse<String> badBoard = post("/admin/rebuild?board=Bad%7DBoard&season=" + SEASON);
    HttpResponse<String> noSeason = post("/admin/rebuild?board=" + board);
    LeaderboardRebuilder.Rebuild running = rebuilder.begin(new BoardSeason(board, SEASON));
    HttpResponse<String> busy;
    try {
      busy = post("/admin/rebuild?board=" + board + "&season=" + SEASON);
    } finally {
      rebuilder.abandon(running);
    }
    HttpResponse<String> afterwards = post("/admin/rebuild?board=" + board + "&season=" + SEASON);

    assertThat(badBoard.statusCode()).isEqualTo(400);
    assertThat(badBoard.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(badBoard.body()).contains("\"code\":\"INVALID_BOARD\"").contains("\"requestId\"");
    assertThat(noSeason.statusCode()).isEqualTo(400);
    assertThat(noSeason.body()).contains("\"code\":\"MISSING_PARAMETER\"");
    assertThat(busy.statusCode()).isEqualTo(409);
    assertThat(busy.body()).contains("\"code\":\"REBUILD_IN_PROGRESS\"");
    assertThat(afterwards.statusCode()).isEqualTo(200);
    assertThat(afterwards.body()).contains("\"users\":0");
  }

  @Test
  void rebuildRequiresAnUnrevokedAdminToken() throws Exception {
    DB.board(board);
    String path = "/admin/rebuild?board=" + board + "&season=" + SEASON;
    String player = AUTH.mint("rebuild-player", "Player", List.of("player"));
    String revokedAdmin = AUTH.mint("revoked-admin", "Ex", List.of(VerifiedAccessToken.ADMIN_ROLE));
    Instant now = Instant.now();
    new RevocationStore(redis, new RevocationKeys(PREFIX))
        .revoke(
            SignedJWT.parse(revokedAdmin).getJWTClaimsSet().getJWTID(),
            now.plus(Duration.ofHours(1)),
            now);

    HttpResponse<String> none = post(path, null);
    HttpResponse<String> garbage = post(path, "not.a.jwt");
    HttpResponse<String> forbidden = post(path, player);
    HttpResponse<String> revoked = post(path, revokedAdmin);
    HttpResponse<String> es256Admin =
        post(path, AUTH.mintEs256("ec-admin", "EC", List.of(VerifiedAccessToken.ADMIN_ROLE)));

    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    assertThat(none.body()).contains("\"code\":\"UNAUTHORIZED\"").contains("\"requestId\"");
    assertThat(garbage.statusCode()).isEqualTo(401);
    assertThat(forbidden.statusCode()).isEqualTo(403);
    assertThat(forbidden.body()).contains("\"code\":\"FORBIDDEN\"");
    assertThat(revoked.statusCode()).isEqualTo(401);
    assertThat(revoked.body()).contains("revoked");
    assertThat(es256Admin.statusCode()).isEqualTo(200);
    assertThat(es256Admin.body()).contains("\"trigger\":\"manual\"");
  }

  private void send(
      String user, String name, long previous, long score, long version, Instant reachedAt) {
    kafka.send(board, SEASON, user, name, previous, score, version, reachedAt);
  }

  private TopNChanged top() {
    return EventJson.fromJson(redis.get(KEYS.top(board, SEASON)), TopNChanged.class);
  }

  private void awaitVersion(String user, String version) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> Objects.equals(redis.hget(KEYS.versions(board, SEASON), user), version));
  }

  private HttpResponse<String> post(String path) throws Exception {
    return post(path, ADMIN);
  }

  private HttpResponse<String> post(String path, String token) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .POST(HttpRequest.BodyPublishers.noBody());
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
