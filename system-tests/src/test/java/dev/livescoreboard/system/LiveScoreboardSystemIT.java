package dev.livescoreboard.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jwt.SignedJWT;
import dev.livescoreboard.events.EventKeys;
import dev.livescoreboard.events.LeaderboardKeys;
import dev.livescoreboard.events.RankingCodec;
import dev.livescoreboard.infra.LocalStack;
import dev.livescoreboard.testsupport.UniqueNames;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.RedisClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole system as a user sees it: the local stack with all three services as separate JVMs, a
 * real WebSocket client, the public write API. The stack is the run's {@link SharedStack}.
 */
@ExtendWith(SharedStack.class)
class LiveScoreboardSystemIT {

  private static final String BOARD = "global";
  private static final String SEASON = "all-time";

  private static LocalStack stack;
  private static WriteApi api;

  @BeforeAll
  static void startStack(LocalStack shared) {
    stack = shared;
    api = new WriteApi(stack.commandApiUrl());
  }

  /** After the class's tests: the consistency audit of the shared stack must find no drift. */
  @AfterAll
  static void auditTheStack() {
    StackAudit.assertConsistent(stack);
  }

  @Test
  void completedActionArrivesLiveAndLateJoinersGetItInTheSnapshot() {
    String alice = UniqueNames.of("alice");
    String aliceToken = token(alice, "Alice");
    try (LiveClient watcher = LiveClient.connect(stack.gatewayUrl(), BOARD, token("w1", "W"))) {
      watcher.awaitMessage("CONNECTION_ACK", m -> true, Duration.ofSeconds(10));
      JsonNode before = watcher.awaitMessage("SNAPSHOT", m -> true, Duration.ofSeconds(10));

      // Other tests share the board: Alice plays until she is above whoever leads it now, so her
      // completion changes the top 10 whatever ran before.
      long leading = before.path("entries").path(0).path("score").asLong(0);
      WriteApi.Reply completed;
      do {
        completed = api.play(aliceToken, "REFER_FRIEND_COMPLETED");
        assertThat(completed.status()).isEqualTo(200);
      } while (completed.body().path("newScore").asLong() <= leading);
      long score = completed.body().path("newScore").asLong();
      int expectedRank = 1 + countRankedAbove(before.path("entries"), score);

      // SPEC: every watcher sees the change "within milliseconds"; 2 s is the bound.
      JsonNode update =
          watcher.awaitMessage(
              "LEADERBOARD_UPDATE",
              m -> entryOf(m, alice) != null && entryOf(m, alice).path("score").asLong() == score,
              Duration.ofSeconds(2));
      JsonNode entry = entryOf(update, alice);
      assertThat(entry.path("rank").asInt()).isEqualTo(expectedRank).isEqualTo(1);
      assertThat(entry.path("displayName").asString()).isEqualTo("Alice");
      assertThat(update.path("sourceCommittedAt").asString()).isNotBlank();

      try (LiveClient lateJoiner =
          LiveClient.connect(stack.gatewayUrl(), BOARD, token("w2", "W"))) {
        JsonNode snapshot = lateJoiner.awaitMessage("SNAPSHOT", m -> true, Duration.ofSeconds(10));
        assertThat(snapshot.path("seq").asLong())
            .isGreaterThanOrEqualTo(update.path("seq").asLong());
        assertThat(entryOf(snapshot, alice).path("score").asLong()).isEqualTo(score);
      }
    }
  }

  @Test
  void aBoardAnAdminDefinesIsListedAndWatchableWithinTwoSecondsAndAnUnknownOneIsNot()
      throws Exception {
    String board = UniqueNames.of("sys-board").toLowerCase(java.util.Locale.ROOT);
    String admin = stack.auth().mint("sys-admin", "Admin", List.of("scoreboard:admin"));

    WriteApi.Reply defined = api.defineBoard(admin, board, "System sprint", 3, "daily");

    assertThat(defined.status()).isEqualTo(201);
    await()
        .atMost(Duration.ofSeconds(2))
        .pollInterval(Duration.ofMillis(50))
        .untilAsserted(
            () -> {
              JsonNode listed = boardsListed().get(board);
              assertThat(listed).as("board listed by the gateway").isNotNull();
              assertThat(listed.path("topN").asInt()).isEqualTo(3);
              assertThat(listed.path("title").asString()).isEqualTo("System sprint");
              assertThat(listed.path("currentSeason").asString())
                  .isEqualTo(defined.body().path("currentSeason").asString());
            });
    assertThat(boardsListed()).containsKey(BOARD);
    try (LiveClient watcher = LiveClient.connect(stack.gatewayUrl(), board, token("w3", "W"))) {
      JsonNode snapshot = watcher.awaitMessage("SNAPSHOT", m -> true, Duration.ofSeconds(10));
      assertThat(snapshot.path("board").asString()).isEqualTo(board);
    }
    try (LiveClient lost =
        LiveClient.connect(stack.gatewayUrl(), board + "-missing", token("w4", "W"))) {
      JsonNode error = lost.awaitMessage("ERROR", m -> true, Duration.ofSeconds(10));
      assertThat(error.path("code").asString()).isEqualTo("BOARD_NOT_FOUND");
    }
  }

  /**
   * SPEC §5's {@code totalUsers} on the top page the gateway serves from memory: a player whose
   * first score lands below the top 10 raises it within 2 s, with a new ETag and the same seq, and
   * live clients get no update for it (the top 10 did not change).
   */
  @Test
  void aPlayerJoiningBelowTheTopTenRaisesTotalUsersOfTheTopPageWithinTwoSecondsWithoutAnUpdate() {
    String board = SharedStack.SIZE_BOARD;
    String admin = stack.auth().mint("size-admin", "Admin", List.of("scoreboard:admin"));
    assertThat(api.defineBoard(admin, board, "Sizes", 10, "never").status()).isEqualTo(201);
    // Its first season is applied before any score: the board's events and the scores travel on
    // different partitions, and a season start applied later would publish the top N once more.
    await()
        .atMost(Duration.ofSeconds(10))
        .ignoreExceptions()
        .until(
            () ->
                json(get(stack.gatewayUrl() + "/api/v1/leaderboards/" + board + "/seasons"))
                        .path("seasons")
                        .size()
                    == 1);
    for (int i = 0; i < 10; i++) {
      String player = UniqueNames.of("top" + i);
      assertThat(api.play(token(player, "Top"), "WIN_MATCH", board).status()).isEqualTo(200);
    }
    HttpResponse<String> full =
        await()
            .atMost(Duration.ofSeconds(10))
            .ignoreExceptions()
            .until(
                () -> topPage(board, null),
                r -> r.statusCode() == 200 && json(r).path("totalUsers").asLong() == 10);
    long seq = json(full).path("seq").asLong();
    String etag = full.headers().firstValue("ETag").orElseThrow();
    try (LiveClient watcher = LiveClient.connect(stack.gatewayUrl(), board, token("w6", "W"))) {
      watcher.awaitMessage("SNAPSHOT", m -> m.path("seq").asLong() == seq, Duration.ofSeconds(10));

      // 10 points, below the ten players' 20.
      String newcomer = UniqueNames.of("newcomer");
      assertThat(api.play(token(newcomer, "New"), "COMPLETE_LEVEL", board).status()).isEqualTo(200);

      await()
          .atMost(Duration.ofSeconds(2))
          .pollInterval(Duration.ofMillis(50))
          .untilAsserted(
              () -> {
                HttpResponse<String> page = topPage(board, etag);
                assertThat(page.statusCode()).isEqualTo(200);
                assertThat(json(page).path("totalUsers").asLong()).isEqualTo(11);
                assertThat(json(page).path("seq").asLong()).isEqualTo(seq);
                assertThat(page.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);
              });
      // Pub/sub keeps order: the update of the next top change is the only one the watcher got.
      String climber = UniqueNames.of("climber");
      api.play(token(climber, "Climber"), "REFER_FRIEND_COMPLETED", board);
      watcher.awaitMessage(
          "LEADERBOARD_UPDATE", m -> entryOf(m, climber) != null, Duration.ofSeconds(2));
      assertThat(watcher.received("LEADERBOARD_UPDATE"))
          .extracting(m -> m.path("seq").asLong())
          .containsExactly(seq + 1);
    }
  }

  /** The plain GET of a board's top page (the gateway's fast path), optionally revalidating. */
  private static HttpResponse<String> topPage(String board, String ifNoneMatch) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/api/v1/leaderboards/" + board));
    if (ifNoneMatch != null) {
      request.header("If-None-Match", ifNoneMatch);
    }
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .build()
        .send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) {
    return JsonMapper.builder().build().readTree(response.body());
  }

  /**
   * The trace of a complete (the caller's {@code traceparent}) reaches the Kafka event's header and
   * the update frames of WebSocket and SSE clients as {@code traceId}.
   */
  @Test
  void aCompletesTraceIdArrivesInTheKafkaHeaderAndTheLiveUpdateFrames() {
    String player = UniqueNames.of("tracy");
    String playerToken = token(player, "Tracy");
    List<String> traceparents = new ArrayList<>();
    try (LiveClient watcher = LiveClient.connect(stack.gatewayUrl(), BOARD, token("w6", "W"));
        LiveStream stream = LiveStream.open(stack.gatewayUrl(), BOARD, token("w7", "W"))) {
      JsonNode before = watcher.awaitMessage("SNAPSHOT", m -> true, Duration.ofSeconds(10));
      stream.awaitEvent("snapshot", m -> true, Duration.ofSeconds(10));
      // Into the top 10 of the shared board, each complete with a trace of its own: the frame
      // that shows the last score is the state the last complete caused.
      long leading = before.path("entries").path(0).path("score").asLong(0);
      WriteApi.Reply completed;
      do {
        traceparents.add(
            "00-" + UUID.randomUUID().toString().replace("-", "") + "-00f067aa0ba902b7-01");
        completed =
            api.playTraced(
                playerToken,
                "REFER_FRIEND_COMPLETED",
                BOARD,
                traceparents.get(traceparents.size() - 1));
        assertThat(completed.status()).isEqualTo(200);
      } while (completed.body().path("newScore").asLong() <= leading);
      long score = completed.body().path("newScore").asLong();
      String traceId = traceparents.get(traceparents.size() - 1).substring(3, 35);

      Predicate<JsonNode> showsTheLastScore =
          m -> entryOf(m, player) != null && entryOf(m, player).path("score").asLong() == score;

      JsonNode update =
          watcher.awaitMessage("LEADERBOARD_UPDATE", showsTheLastScore, Duration.ofSeconds(2));
      assertThat(update.path("traceId").asString()).isEqualTo(traceId);
      JsonNode streamed = stream.awaitEvent("update", showsTheLastScore, Duration.ofSeconds(2));
      assertThat(streamed.path("traceId").asString()).isEqualTo(traceId);
    }
    ConsumerRecord<String, byte[]> first = readEventOf(player);
    assertThat(new String(first.headers().lastHeader("traceparent").value()))
        .isEqualTo(traceparents.get(0));
  }

  /**
   * Every line each service wrote is one JSON object with the same fields (Spring's "logstash"
   * structured format on command-api and the projector, logstash-logback-encoder on the gateway),
   * so one query reads the logs of all three.
   */
  @Test
  void everyServiceLogsJsonLinesWithTheSameFields() throws Exception {
    JsonMapper json = JsonMapper.builder().build();
    for (String module : List.of("command-api", "leaderboard-projector", "realtime-gateway")) {
      String log = Files.readString(stack.service(module).log());
      // Up to the last line break: a line may be half written right now.
      List<String> lines = log.substring(0, log.lastIndexOf('\n') + 1).lines().toList();
      assertThat(lines).as(module).isNotEmpty();
      for (String line : lines) {
        assertThat(json.readTree(line).propertyNames())
            .as("%s: %s", module, line)
            .contains(
                "@timestamp",
                "@version",
                "message",
                "logger_name",
                "thread_name",
                "level",
                "level_value");
      }
    }
  }

  private static Map<String, JsonNode> boardsListed() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/api/v1/leaderboards"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    Map<String, JsonNode> byId = new java.util.TreeMap<>();
    JsonMapper.builder()
        .build()
        .readTree(response.body())
        .values()
        .forEach(b -> byId.put(b.path("board").asString(), b));
    return byId;
  }

  @Test
  void freezeTakesAPlayerOffGetAndLiveClientsWithinTwoSecondsUnfreezeRestoresAndEraseIsFinal()
      throws Exception {
    String frank = UniqueNames.of("frank");
    String frankToken = token(frank, "Frank");
    String admin = stack.auth().mint("entry-admin", "Ops", List.of("scoreboard:admin"));
    try (LiveClient watcher = LiveClient.connect(stack.gatewayUrl(), BOARD, token("w5", "W"))) {
      JsonNode before = watcher.awaitMessage("SNAPSHOT", m -> true, Duration.ofSeconds(10));
      // Into the top 10 whatever other tests left on the shared board: above its leader.
      long leading = before.path("entries").path(0).path("score").asLong(0);
      WriteApi.Reply completed;
      do {
        completed = api.play(frankToken, "REFER_FRIEND_COMPLETED");
        assertThat(completed.status()).isEqualTo(200);
      } while (completed.body().path("newScore").asLong() <= leading);
      long score = completed.body().path("newScore").asLong();
      JsonNode entered =
          watcher.awaitMessage(
              "LEADERBOARD_UPDATE",
              m -> entryOf(m, frank) != null && entryOf(m, frank).path("score").asLong() == score,
              Duration.ofSeconds(2));

      // The client keeps every message: each step waits for a newer seq than the last one seen.
      assertThat(api.changeUser(admin, frank, "freeze", "system test").status()).isEqualTo(200);
      long frozenAt = System.nanoTime();
      JsonNode gone = awaitUpdate(watcher, entered, m -> entryOf(m, frank) == null);
      awaitGet(frank, 404, Duration.ofSeconds(2).minusNanos(System.nanoTime() - frozenAt));
      assertThat(api.start(frankToken, "COMPLETE_LEVEL").status()).isEqualTo(403);

      assertThat(api.changeUser(admin, frank, "unfreeze", "cleared").status()).isEqualTo(200);
      long unfrozenAt = System.nanoTime();
      JsonNode back = awaitUpdate(watcher, gone, m -> entryOf(m, frank) != null);
      assertThat(entryOf(back, frank).path("score").asLong()).isEqualTo(score);
      awaitGet(frank, 200, Duration.ofSeconds(2).minusNanos(System.nanoTime() - unfrozenAt));

      assertThat(api.changeUser(admin, frank, "erase", "GDPR").status()).isEqualTo(200);
      long erasedAt = System.nanoTime();
      awaitUpdate(watcher, back, m -> entryOf(m, frank) == null);
      awaitGet(frank, 404, Duration.ofSeconds(2).minusNanos(System.nanoTime() - erasedAt));
    }
    assertThat(api.changeUser(admin, frank, "erase", "again").status()).isEqualTo(409);
    // Auto-registration is on in the local stack, and still the erased id never comes back.
    assertThat(api.start(frankToken, "COMPLETE_LEVEL").status()).isEqualTo(404);
    assertThat(
            scalar(
                "SELECT count(*) FROM users WHERE id = ? AND status = 'erased'"
                    + " AND display_name = 'Erased user'",
                frank))
        .isOne();
  }

  /** The first update after {@code previous} (by seq) that satisfies {@code condition}, in 2 s. */
  private static JsonNode awaitUpdate(
      LiveClient watcher, JsonNode previous, java.util.function.Predicate<JsonNode> condition) {
    long seq = previous.path("seq").asLong();
    return watcher.awaitMessage(
        "LEADERBOARD_UPDATE",
        m -> m.path("seq").asLong() > seq && condition.test(m),
        Duration.ofSeconds(2));
  }

  /** Polls the gateway's GET of the user on the board until it answers {@code status}. */
  private static void awaitGet(String userId, int status, Duration atMost) {
    await()
        .atMost(atMost.isNegative() ? Duration.ofMillis(1) : atMost)
        .pollInterval(Duration.ofMillis(50))
        .until(() -> userOnBoard(userId).statusCode() == status);
  }

  private static HttpResponse<String> userOnBoard(String userId) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(
                    URI.create(
                        stack.gatewayUrl() + "/api/v1/leaderboards/" + BOARD + "/users/" + userId))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void anAdminsRevokeClosesTheTokensLiveConnectionWith4001WithinTwoSeconds() throws Exception {
    String erin = UniqueNames.of("erin");
    String erinToken = token(erin, "Erin");
    String admin = stack.auth().mint("ops-admin", "Ops", List.of("scoreboard:admin"));
    try (LiveClient live = LiveClient.connect(stack.gatewayUrl(), BOARD, erinToken)) {
      live.awaitMessage("CONNECTION_ACK", m -> true, Duration.ofSeconds(10));

      WriteApi.Reply revoked =
          api.revoke(admin, SignedJWT.parse(erinToken).getJWTClaimsSet().getJWTID());

      assertThat(revoked.status()).isEqualTo(200);
      assertThat(live.closeCode).succeedsWithin(Duration.ofSeconds(2)).isEqualTo(4001);
    }
    assertThat(api.start(erinToken, "COMPLETE_LEVEL").status()).isEqualTo(401);
  }

  @Test
  void aPlayerEnteringTheTopTenIsToldOnWebSocketAndSseAndThePlayerTheyPassedIsToldToo() {
    // Ten leaders at 100 points (two referrals each), in order: the first reached 100 first.
    List<String> leaders = new ArrayList<>();
    List<String> leaderTokens = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      String leader = UniqueNames.of("lead" + i);
      String leaderToken = token(leader, "Leader " + i);
      api.play(leaderToken, "REFER_FRIEND_COMPLETED");
      assertThat(api.play(leaderToken, "REFER_FRIEND_COMPLETED").status()).isEqualTo(200);
      leaders.add(leader);
      leaderTokens.add(leaderToken);
    }
    String first = leaders.get(0);
    String climber = UniqueNames.of("climber");
    String climberToken = token(climber, "Climber");
    try (LiveClient leaderLive =
            LiveClient.connect(stack.gatewayUrl(), BOARD, leaderTokens.get(0));
        LiveClient climberLive = LiveClient.connect(stack.gatewayUrl(), BOARD, climberToken);
        LiveStream climberStream = LiveStream.open(stack.gatewayUrl(), BOARD, climberToken)) {
      JsonNode before = leaderLive.awaitMessage("SNAPSHOT", m -> true, Duration.ofSeconds(10));
      climberLive.awaitMessage("SNAPSHOT", m -> true, Duration.ofSeconds(10));
      climberStream.awaitEvent("snapshot", m -> true, Duration.ofSeconds(10));
      JsonNode firstEntry = entryOf(before, first);
      assertThat(firstEntry).as("the first leader is in the top 10 before the climb").isNotNull();
      int firstRank = firstEntry.path("rank").asInt();

      // 50, then 100 (reached after all ten leaders, so below them), then 150: past all of them.
      api.play(climberToken, "REFER_FRIEND_COMPLETED");
      api.play(climberToken, "REFER_FRIEND_COMPLETED");
      WriteApi.Reply climbed = api.play(climberToken, "REFER_FRIEND_COMPLETED");
      assertThat(climbed.body().path("newScore").asLong()).isEqualTo(150);

      JsonNode entered =
          climberLive.awaitMessage(
              "RANK_CHANGED", m -> m.path("inTopN").asBoolean(), Duration.ofSeconds(2));
      assertThat(entered.path("userId").asString()).isEqualTo(climber);
      assertThat(entered.path("score").asLong()).isEqualTo(150);
      assertThat(entered.path("toRank").asInt()).isLessThanOrEqualTo(firstRank);
      assertThat(entered.path("fromRank").asInt()).isGreaterThan(10);
      JsonNode streamed =
          climberStream.awaitEvent(
              "rank-changed", m -> m.path("inTopN").asBoolean(), Duration.ofSeconds(2));
      assertThat(streamed).isEqualTo(entered);
      JsonNode overtaken =
          leaderLive.awaitMessage(
              "RANK_CHANGED",
              m -> climber.equals(m.path("overtakenBy").asString()),
              Duration.ofSeconds(2));
      assertThat(overtaken.path("userId").asString()).isEqualTo(first);
      assertThat(overtaken.path("fromRank").asInt()).isEqualTo(firstRank);
      assertThat(overtaken.path("toRank").asInt()).isEqualTo(firstRank + 1);
      assertThat(leaderLive.received("RANK_CHANGED"))
          .as("a player only hears about themselves")
          .allSatisfy(m -> assertThat(m.path("userId").asString()).isEqualTo(first));
    }
  }

  @Test
  void everyMetricAndHealthPathTheDeployFilesNameExistsOnTheRunningServices() throws Exception {
    DeployFiles deploy = new DeployFiles(Path.of("..", "deploy"));
    var selectors = deploy.metricSelectors();
    assertThat(selectors)
        .as("selectors in the alert rules and the dashboard")
        .hasSizeGreaterThan(10);
    // A completed action, so the write path's series (outbox lag, projector apply) exist.
    assertThat(api.play(token(UniqueNames.of("metrics"), "M"), "COMPLETE_LEVEL").status())
        .isEqualTo(200);

    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              MetricsScrape scrape =
                  new MetricsScrape()
                      .add(get(stack.gatewayUrl() + "/metrics").body())
                      .add(get(stack.commandApiUrl() + "/actuator/prometheus").body())
                      .add(get(stack.projectorUrl() + "/actuator/prometheus").body());
              assertThat(selectors.stream().filter(s -> !scrape.has(s)).toList())
                  .as("series named by deploy/prometheus or deploy/grafana but on no /metrics")
                  .isEmpty();
            });

    Map<String, String> base =
        Map.of(
            "command-api", stack.commandApiUrl(),
            "leaderboard-projector", stack.projectorUrl(),
            "realtime-gateway", stack.gatewayUrl());
    var probes = deploy.healthChecks();
    assertThat(probes).extracting(DeployFiles.Probe::service).containsAll(base.keySet());
    for (DeployFiles.Probe probe : probes) {
      assertThat(get(base.get(probe.service()) + probe.path()).statusCode())
          .as("%s %s", probe.service(), probe.path())
          .isEqualTo(200);
    }
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void replayedActionTokenIsRefusedAndChangesNothing() throws SQLException {
    String carol = UniqueNames.of("carol");
    String carolToken = token(carol, "Carol");
    WriteApi.Reply started = api.start(carolToken, "COMPLETE_LEVEL");
    String actionToken = started.body().path("actionToken").asString();
    assertThat(api.complete(carolToken, actionToken).status()).isEqualTo(200);

    WriteApi.Reply replay = api.complete(carolToken, actionToken);

    assertThat(replay.status()).isEqualTo(409);
    assertThat(replay.body().path("code").asString()).isEqualTo("ACTION_ALREADY_COMPLETED");
    assertThat(scalar("SELECT count(*) FROM score_events WHERE user_id = ?", carol)).isEqualTo(1);
    assertThat(scalar("SELECT score FROM user_scores WHERE user_id = ?", carol)).isEqualTo(10);
    assertThat(scalar("SELECT count(*) FROM outbox WHERE aggregateid LIKE ?", "%" + carol))
        .isEqualTo(1);
  }

  @Test
  void eventDeliveredTwiceToTheProjectorCountsOnce() throws Exception {
    String dave = UniqueNames.of("dave");
    assertThat(api.play(token(dave, "Dave"), "WIN_MATCH").status()).isEqualTo(200);
    LeaderboardKeys keys = new LeaderboardKeys(stack.settings().redisKeyPrefix());
    try (RedisClient redis = RedisClient.create(URI.create(stack.redisUrl()))) {
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> redis.hget(keys.versions(BOARD, SEASON), dave) != null);

      ConsumerRecord<String, byte[]> original = readEventOf(dave);
      try (var producer =
          new KafkaProducer<>(
              Map.<String, Object>of(
                  ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap()),
              new StringSerializer(),
              new ByteArraySerializer())) {
        producer
            .send(new ProducerRecord<>(original.topic(), original.key(), original.value()))
            .get();
      }
      awaitProjectorCaughtUp();

      assertThat(redis.hget(keys.versions(BOARD, SEASON), dave)).isEqualTo("1");
      String member = redis.hget(keys.members(BOARD, SEASON), dave);
      assertThat(RankingCodec.score(redis.zscore(keys.ranking(BOARD, SEASON), member)))
          .isEqualTo(20);
      assertThat(redis.zcard(keys.ranking(BOARD, SEASON)))
          .isEqualTo(scalar("SELECT count(*) FROM user_scores WHERE board_id = ?", BOARD));
    }
  }

  private ConsumerRecord<String, byte[]> readEventOf(String userId) {
    return readEvent(EventKeys.scoreEvent(BOARD, userId));
  }

  /** The first event on the topic with {@code key}. */
  private static ConsumerRecord<String, byte[]> readEvent(String key) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, UniqueNames.of("reader"));
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (var consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(stack.settings().kafkaTopic()));
      List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(found::add);
                return found.stream().anyMatch(r -> key.equals(r.key()));
              });
      return found.stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
    }
  }

  /** The projector's committed offsets reach the end of every partition: it saw everything. */
  private void awaitProjectorCaughtUp() {
    String group = "scoreboard-projector-" + stack.settings().kafkaTopic();
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap()))) {
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () -> {
                Map<TopicPartition, Long> committed = new java.util.HashMap<>();
                admin
                    .listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get()
                    .forEach((tp, om) -> committed.put(tp, om.offset()));
                var request = new java.util.HashMap<TopicPartition, OffsetSpec>();
                committed.keySet().forEach(tp -> request.put(tp, OffsetSpec.latest()));
                var ends = admin.listOffsets(request).all().get();
                return !committed.isEmpty()
                    && committed.entrySet().stream()
                        .allMatch(e -> e.getValue() >= ends.get(e.getKey()).offset());
              });
    }
  }

  private static String token(String userId, String name) {
    return stack.auth().mint(userId, name, List.of());
  }

  private static JsonNode entryOf(JsonNode message, String userId) {
    for (JsonNode entry : message.path("entries")) {
      if (userId.equals(entry.path("userId").asString())) {
        return entry;
      }
    }
    return null;
  }

  private static int countRankedAbove(JsonNode entries, long score) {
    int higher = 0;
    for (JsonNode entry : entries) {
      if (entry.path("score").asLong() >= score) {
        higher++;
      }
    }
    return higher;
  }

  private static long scalar(String sql, String param) throws SQLException {
    try (var connection =
            DriverManager.getConnection(stack.jdbcUrl(), stack.dbUser(), stack.dbPassword());
        var statement = connection.prepareStatement(sql)) {
      statement.setString(1, param);
      var rs = statement.executeQuery();
      rs.next();
      return rs.getLong(1);
    }
  }
}
