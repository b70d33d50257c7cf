package dev.livescoreboard.projector.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.livescoreboard.events.BoardDefined;
import dev.livescoreboard.events.BoardDefinitionHash;
import dev.livescoreboard.events.EventJson;
import dev.livescoreboard.events.LeaderboardEntry;
import dev.livescoreboard.events.LeaderboardKeys;
import dev.livescoreboard.events.RankingCodec;
import dev.livescoreboard.events.ScoreChanged;
import dev.livescoreboard.events.Seasons;
import dev.livescoreboard.events.TopNChanged;
import dev.livescoreboard.events.TraceParent;
import dev.livescoreboard.testsupport.TestKafka;
import dev.livescoreboard.testsupport.TestRedis;
import dev.livescoreboard.testsupport.UniqueNames;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.RedisClient;

/** The running projector against real Kafka and Redis. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "logging.level.org.apache.kafka=WARN",
      "logging.level.kafka=WARN",
      "scoreboard.rebuild.auto-detect=false",
      "scoreboard.reconciliation.enabled=false",
      "scoreboard.projection.top-n=3",
      "scoreboard.kafka.concurrency=2"
    })
class ScoreEventProjectorIT {

  private static final String TOPIC = TestKafka.shared().newTopic("score-events", 2);
  private static final String GROUP = UniqueNames.of("projector");
  private static final String PREFIX = TestRedis.shared().newKeyPrefix();
  private static final LeaderboardKeys KEYS = new LeaderboardKeys(PREFIX);
  private static final String SEASON = "all-time";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static RedisClient redis;
  private static TestProducers kafka;

  private final String board = UniqueNames.of("e2e");
  private final ScoreEvents events = new ScoreEvents(board, SEASON);

  @LocalServerPort private int port;
  @Autowired private MeterRegistry meters;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.kafka.bootstrap-servers", TestKafka.shared()::bootstrapServers);
    registry.add("scoreboard.kafka.topic", () -> TOPIC);
    registry.add("scoreboard.kafka.group", () -> GROUP);
    registry.add("scoreboard.redis.url", TestRedis.shared()::url);
    registry.add("scoreboard.redis.key-prefix", () -> PREFIX);
  }

  @BeforeAll
  static void connect() {
    redis = RedisClient.create(URI.create(TestRedis.shared().url()));
    kafka = new TestProducers(TestKafka.shared().bootstrapServers(), TOPIC);
  }

  @AfterAll
  static void disconnect() {
    kafka.close();
    redis.close();
  }

  @Test
  void producedEventsBecomeTheRankingAndTheTopSnapshot() {
    kafka.send(events.event("amy", 30, 1));
    kafka.send(events.event("bob", 20, 1));
    kafka.send(events.event("carl", 40, 1));
    kafka.send(events.event("amy", 50, 2));

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(top().entries())
                    .containsExactly(
                        new LeaderboardEntry(1, "amy", "AMY", 50),
                        new LeaderboardEntry(2, "carl", "CARL", 40),
                        new LeaderboardEntry(3, "bob", "BOB", 20)));
    assertThat(redis.zrange(KEYS.ranking(board, SEASON), 0, -1))
        .extracting(RankingCodec::userId)
        .containsExactly("amy", "carl", "bob");
    assertThat(redis.hget(KEYS.versions(board, SEASON), "amy")).isEqualTo("2");
    assertThat(redis.get(KEYS.currentSeason(board))).isEqualTo(SEASON);
  }

  private BoardDefined definition(int topN, long version) {
    return BoardDefined.of(
        UUID.randomUUID(),
        board,
        "Board " + version,
        1000,
        topN,
        Seasons.NEVER,
        version,
        Instant.now());
  }

  @Test
  void aBoardsOwnTopNSizeIsPublishedAndAChangeOfItRepublishesTheTop() {
    kafka.send(definition(2, 1));
    await().atMost(Duration.ofSeconds(30)).until(() -> redis.sismember(KEYS.boards(), board));
    for (String user : List.of("amy", "bob", "carl", "dan")) {
      kafka.send(events.event(user, 10L * (user.length() + user.charAt(0)), 1));
    }
    awaitVersion("dan", "1");
    // The projector's default is 3 (top-n above); the board says 2.
    assertThat(top().entries()).hasSize(2);
    long seq = top().seq();

    kafka.send(definition(4, 2));

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(top().entries()).hasSize(4));
    assertThat(top().seq()).isGreaterThan(seq);
    assertThat(top().changes()).extracting(c -> c.toRank()).containsExactlyInAnyOrder(3, 4);
  }

  @Test
  void aDuplicateOrOlderDefinitionChangesNothing() {
    kafka.send(definition(5, 3));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> "3".equals(redis.hget(KEYS.definition(board), "boardVersion")));

    kafka.send(definition(1, 2));
    kafka.send(definition(7, 3));
    BoardDefined newest = definition(6, 4);
    kafka.send(newest);

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> "4".equals(redis.hget(KEYS.definition(board), "boardVersion")));
    assertThat(BoardDefinitionHash.parse(redis.hgetAll(KEYS.definition(board)))).isEqualTo(newest);
  }

  @Test
  void sameEventProducedTwiceCountsOnce() {
    ScoreChanged first = events.event("amy", 10, 1);
    kafka.send(first);
    awaitVersion("amy", "1");
    long seqAfterFirst = Long.parseLong(redis.get(KEYS.seq(board, SEASON)));
    double duplicatesBefore = counter("scoreboard.projector.events.duplicates");

    kafka.send(first);
    kafka.send(events.event("amy", 15, 2));
    awaitVersion("amy", "2");

    assertThat(counter("scoreboard.projector.events.duplicates")).isGreaterThan(duplicatesBefore);
    assertThat(top().seq()).isEqualTo(seqAfterFirst + 1);
    assertThat(top().entries()).containsExactly(new LeaderboardEntry(1, "amy", "AMY", 15));
  }

  @Test
  void poisonRecordGoesToTheDeadLetterTopicAndLaterEventsAreStillApplied() {
    String key = board + ":amy";
    kafka.sendRaw(key, "not json".getBytes(StandardCharsets.UTF_8));
    kafka.send(events.event("amy", 10, 1));

    awaitVersion("amy", "1");
    ConsumerRecord<String, byte[]> dead = kafka.awaitDeadLetter(key);
    assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("not json");
    assertThat(TestProducers.exceptionHeaders(dead)).contains("DeserializationException");
  }

  @Test
  void poisonInsideABatchIsDeadLetteredAndEveryEventAroundItIsAppliedOnceInOrder() {
    String key = board + ":amy";
    double appliedBefore = counter("scoreboard.projector.events.applied");
    List<byte[]> burst = new ArrayList<>();
    for (int version = 1; version <= 40; version++) {
      burst.add(EventJson.toBytes(events.event("amy", version * 10L, version)));
      if (version == 20) {
        burst.add("{\"broken\":".getBytes(StandardCharsets.UTF_8));
      }
    }
    kafka.sendBurst(key, burst);

    awaitVersion("amy", "40");
    ConsumerRecord<String, byte[]> dead = kafka.awaitDeadLetter(key);
    assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{\"broken\":");
    // Every one of the 40 was applied (none skipped as an older duplicate after a newer one).
    assertThat(counter("scoreboard.projector.events.applied") - appliedBefore).isEqualTo(40);
    assertThat(top().entries()).containsExactly(new LeaderboardEntry(1, "amy", "AMY", 400));
    assertThat(meters.get("scoreboard.projector.batch.size").summary().max()).isGreaterThan(1);
  }

  @Test
  void aScoreChangesTraceIdReachesTheTopNStateItCauses() {
    String traceparent = TraceParent.newRoot().value();
    kafka.sendTraced(events.event("amy", 10, 1), traceparent);

    awaitVersion("amy", "1");
    assertThat(top().traceId()).isEqualTo(traceparent.substring(3, 35));
    // A state no traced event caused has none.
    kafka.send(events.event("bob", 20, 1));
    awaitVersion("bob", "1");
    assertThat(top().traceId()).isNull();
  }

  @Test
  void aDeadLetterIsCountedAndLoggedWithTheTraceOfItsRecord() {
    String key = board + ":amy";
    String traceparent = TraceParent.newRoot().value();
    double before = counter("scoreboard.projector.dead.letters");
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    Logger logger = (Logger) LoggerFactory.getLogger("dev.livescoreboard.projector.kafka");
    logged.start();
    logger.addAppender(logged);
    try {
      kafka.sendRawTraced(key, "not json".getBytes(StandardCharsets.UTF_8), traceparent);

      kafka.awaitDeadLetter(key);
      String traceId = traceparent.substring(3, 35);
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  List.copyOf(logged.list).stream()
                      .anyMatch(
                          e ->
                              e.getFormattedMessage().contains("sent to the dead-letter topic")
                                  && traceId.equals(
                                      e.getMDCPropertyMap().get(TraceParent.MDC_KEY))));
      // Other tests of this class dead-letter records too; at least this one was counted.
      assertThat(counter("scoreboard.projector.dead.letters")).isGreaterThanOrEqualTo(before + 1);
    } finally {
      logger.detachAppender(logged);
    }
  }

  @Test
  void eventThatCannotBeProjectedGoesToTheDeadLetterTopic() {
    ScoreChanged badBoard = new ScoreEvents("Bad}Board", SEASON).event("amy", 10, 1);
    String key = board + ":amy";
    kafka.send(key, badBoard);
    kafka.send(events.event("amy", 10, 1));

    awaitVersion("amy", "1");
    ConsumerRecord<String, byte[]> dead = kafka.awaitDeadLetter(key);
    assertThat(EventJson.fromBytes(dead.value(), ScoreChanged.class)).isEqualTo(badBoard);
    assertThat(TestProducers.exceptionHeaders(dead)).contains("InvalidScoreEventException");
  }

  @Test
  void actuatorServesHealthIncludingRedisAndPrometheusMetrics() throws Exception {
    kafka.send(events.event("amy", 10, 1));
    awaitVersion("amy", "1");

    HttpResponse<String> health = get("/actuator/health");
    HttpResponse<String> metrics = get("/actuator/prometheus");

    // The whole health also shows PostgreSQL ("db"), which this test runs without.
    assertThat(health.body()).contains("\"redis\"").contains("\"kafka\"").contains("\"db\"");
    assertThat(get("/actuator/health/redis").body()).contains("\"status\":\"UP\"");
    assertThat(get("/actuator/health/kafka").body()).contains("\"status\":\"UP\"");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body())
        .contains("scoreboard_projector_events_applied_total")
        .contains("scoreboard_projector_events_duplicates_total")
        .contains("scoreboard_projector_topn_published_total")
        .contains("scoreboard_projector_apply_seconds_count")
        .contains("scoreboard_projector_batch_size_records_count")
        .contains("scoreboard_projector_dead_letters_total");
  }

  private void awaitVersion(String userId, String version) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> Objects.equals(redis.hget(KEYS.versions(board, SEASON), userId), version));
  }

  private TopNChanged top() {
    String json = redis.get(KEYS.top(board, SEASON));
    assertThat(json).as("top snapshot of " + board).isNotNull();
    return EventJson.fromJson(json, TopNChanged.class);
  }

  private double counter(String name) {
    return meters.get(name).counter().count();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
