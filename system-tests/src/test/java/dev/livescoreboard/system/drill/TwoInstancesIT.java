package dev.livescoreboard.system.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.livescoreboard.infra.LocalStack;
import dev.livescoreboard.testsupport.UniqueNames;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.MemberDescription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two of everything (issue 14 item 3), on a stack of its own started like {@code --instances=2}:
 * two command-apis behind one balancer address, two projectors in one consumer group over the six
 * partitions, two gateways. The projector is killed last, so the other tests see both.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static LocalStack stack;
  private static PipelineChecks checks;
  private static String prefix;
  private static final List<Viewer> viewers = new ArrayList<>();

  @BeforeAll
  static void startTwoOfEverything() {
    stack = DrillStacks.start("two", 2);
    assertThat(stack.gatewayUrls()).hasSize(2);
    assertThat(stack.commandApiUrls()).hasSize(2).doesNotContain(stack.commandApiUrl());
    prefix = UniqueNames.of("two").replace('_', '-');
    for (String gateway : stack.gatewayUrls()) {
      String viewer = prefix + "-viewer-" + viewers.size();
      viewers.add(
          Viewer.watch(
              gateway, PipelineChecks.BOARD, stack.auth().mint(viewer, "Viewer", List.of())));
    }
    checks = new PipelineChecks(stack, stack.gatewayUrls());
  }

  @AfterAll
  static void stop() {
    viewers.forEach(Viewer::close);
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  @Order(1)
  void clientsOnBothGatewaysReceiveEveryUpdateWithTheSameSeq() throws Exception {
    try (Players players = new Players(stack.commandApiUrl(), stack.auth())) {
      List<DrillPlayer> three =
          List.of(
              players.player(prefix + "-a", "Ann"),
              players.player(prefix + "-b", "Ben"),
              players.player(prefix + "-c", "Cat"));
      // The projectors rebuild a board once when it first has rows (its "built" mark is missing);
      // that publish is awaited first, so that from here on each action publishes one update.
      play(three.get(0));
      await("the board's first rebuild")
          .atMost(Duration.ofSeconds(60))
          .until(() -> sumOverProjectors("scoreboard_projector_rebuild_seconds_count") >= 1);
      checks.awaitTopNShownEverywhere(viewers);
      Instant since = Instant.now();

      int actions = 12;
      List<ActionLog.Action> played = new ArrayList<>();
      for (int i = 0; i < actions; i++) {
        DrillPlayer player = three.get(i % three.size());
        ActionLog.Action action = play(player);
        played.add(action);
        await("both gateways' viewers shown action " + i)
            .atMost(Duration.ofSeconds(10))
            .until(() -> viewers.stream().allMatch(v -> firstShowing(v, since, action) != null));
      }

      // Each action's state reached both with the same seq; from the first one on, both got the
      // same updates, one per action, with no seq skipped.
      for (ActionLog.Action action : played) {
        assertThat(viewers)
            .extracting(v -> firstShowing(v, since, action).seq())
            .as("seq of the state after %s's action", action.userId)
            .containsOnly(firstShowing(viewers.get(0), since, action).seq());
      }
      long first = firstShowing(viewers.get(0), since, played.get(0)).seq();
      List<List<String>> seen = viewers.stream().map(v -> updatesFrom(v, first)).toList();
      assertThat(seen.get(0))
          .as("updates on gateway 1")
          .hasSize(actions)
          .last()
          .asString()
          .startsWith((first + actions - 1) + " ");
      assertThat(seen.get(1)).as("updates on gateway 2, seq and entries").isEqualTo(seen.get(0));
      checks.verify(players.log(), viewers);
    }
  }

  @Test
  @Order(2)
  void aRateLimitHoldsAcrossBothCommandApis() throws Exception {
    String user = prefix + "-burst";
    String bearer = stack.auth().mint(user, "Burst", List.of());
    List<String> instances = stack.commandApiUrls();
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < 15; i++) {
      HttpResponse<String> started =
          post(
              instances.get(i % 2),
              bearer,
              "/api/v1/actions",
              "{\"actionType\":\"COMPLETE_LEVEL\"}");
      assertThat(started.statusCode()).as("start %d", i).isEqualTo(201);
      tokens.add(actionToken(started));
    }

    Map<String, List<Integer>> answers = new HashMap<>();
    for (int i = 0; i < tokens.size(); i++) {
      String instance = instances.get(i % 2);
      HttpResponse<String> completed =
          post(
              instance,
              bearer,
              "/api/v1/actions/complete",
              "{\"actionToken\":\"" + tokens.get(i) + "\"}");
      answers.computeIfAbsent(instance, k -> new ArrayList<>()).add(completed.statusCode());
      if (completed.statusCode() == 429) {
        assertThat(code(completed)).isEqualTo("RATE_LIMITED");
      }
    }

    // The per-user limit is 10 completes a minute (application.yml); each instance alone admitted
    // only 5, well under it, and still refused: the window is the one both share in Redis.
    assertThat(answers.values().stream().flatMap(List::stream).filter(s -> s == 200).count())
        .isEqualTo(10);
    assertThat(answers)
        .allSatisfy(
            (instance, statuses) -> {
              assertThat(statuses).as(instance).filteredOn(s -> s == 200).hasSize(5);
              assertThat(statuses).as(instance).contains(429).containsOnly(200, 429);
            });
  }

  @Test
  @Order(3)
  void aUserFrozenThroughOneCommandApiCompletesNothingThroughTheOther() throws Exception {
    String user = prefix + "-frozen";
    String bearer = stack.auth().mint(user, "Frozen", List.of());
    String admin = stack.auth().mint(prefix + "-admin", "Admin", List.of("scoreboard:admin"));
    String first = stack.commandApiUrls().get(0);
    String second = stack.commandApiUrls().get(1);
    String start = "{\"actionType\":\"REFER_FRIEND_COMPLETED\"}";
    // The second instance finds the user active, so its start cache trusts them from now on.
    HttpResponse<String> startedBefore = post(second, bearer, "/api/v1/actions", start);
    assertThat(startedBefore.statusCode()).isEqualTo(201);
    List<String> tokens = new ArrayList<>(List.of(actionToken(startedBefore)));

    HttpResponse<String> frozen =
        post(first, admin, "/api/v1/admin/users/" + user + "/freeze", "{\"reason\":\"drill\"}");
    assertThat(frozen.statusCode()).as(frozen.body()).isEqualTo(200);

    // Within its start cache's TTL the second instance may still hand out a token, or already
    // refuse; either way no complete goes through.
    HttpResponse<String> startedAfter = post(second, bearer, "/api/v1/actions", start);
    if (startedAfter.statusCode() == 201) {
      tokens.add(actionToken(startedAfter));
    } else {
      assertThat(startedAfter.statusCode()).isEqualTo(403);
      assertThat(code(startedAfter)).isEqualTo("USER_FROZEN");
    }
    for (String token : tokens) {
      HttpResponse<String> completed =
          post(second, bearer, "/api/v1/actions/complete", "{\"actionToken\":\"" + token + "\"}");
      assertThat(completed.statusCode()).as(completed.body()).isEqualTo(403);
      assertThat(code(completed)).isEqualTo("USER_FROZEN");
    }
  }

  private static String actionToken(HttpResponse<String> started) {
    return JSON.readTree(started.body()).path("actionToken").asString();
  }

  private static String code(HttpResponse<String> problem) {
    return JSON.readTree(problem.body()).path("code").asString();
  }

  @Test
  @Order(4)
  void twoRelaysPublishEachOutboxRowOnce() throws SQLException {
    Map<String, Double> publishedBefore = outboxMetric("scoreboard_outbox_published_total");
    Map<String, Double> busyBefore = outboxMetric("scoreboard_outbox_lock_busy_total");
    try (Players players = new Players(stack.commandApiUrl(), stack.auth())) {
      SteadyLoad load = new SteadyLoad(players, prefix + "-relay", 10, Duration.ofSeconds(7));
      load.start();
      await("a steady load through the balancer")
          .atMost(Duration.ofMinutes(3))
          .until(() -> load.log().acknowledged().size() >= 40);
      load.stop();
      checks.verify(load.log(), viewers);

      Map<String, Double> published = outboxMetric("scoreboard_outbox_published_total");
      assertThat(published)
          .as("rows each instance's relay published during the load: both were active")
          .allSatisfy((instance, n) -> assertThat(n).isGreaterThan(publishedBefore.get(instance)));
      Map<String, Integer> onTopic =
          TopicEvents.countByEventId(stack.kafkaBootstrap(), stack.settings().kafkaTopic());
      List<String> events =
          load.log().acknowledged().stream().map(ActionLog.Action::eventId).toList();
      assertThat(events)
          .as("records on the topic per acknowledged event")
          .allSatisfy(id -> assertThat(onTopic.get(id)).as(id).isEqualTo(1));
      Map<String, Double> busy = outboxMetric("scoreboard_outbox_lock_busy_total");
      System.out.printf(
          "two relays: %d events, each once on the topic; rows published per instance %s,"
              + " claims that found the other holding the lock %s%n",
          events.size(), minus(published, publishedBefore), minus(busy, busyBefore));
    }
  }

  @Test
  @Order(5)
  void aKilledProjectorsPartitionsMoveToTheOtherWithNothingLostOrDoubled() throws Exception {
    try (Admin admin =
            Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap()));
        Players players = new Players(stack.commandApiUrl(), stack.auth())) {
      SteadyLoad load = new SteadyLoad(players, prefix + "-part", 10, Duration.ofSeconds(7));
      await("both projectors share the six partitions")
          .atMost(Duration.ofSeconds(90))
          .until(() -> partitionsPerMember(admin), m -> m.size() == 2 && !m.containsValue(0));
      load.start();
      await("the load flowing").atMost(Duration.ofMinutes(2)).until(() -> acked(load) >= 5);

      Map<String, Integer> before = partitionsPerMember(admin);
      Instant killed = Instant.now();
      stack.kill("leaderboard-projector-2");

      Map<String, Integer> after =
          await("the survivor owns all six partitions")
              .atMost(Duration.ofSeconds(120))
              .until(() -> partitionsPerMember(admin), m -> m.size() == 1 && m.containsValue(6));
      System.out.printf(
          "partitions per projector %s, %s after the kill: %s%n",
          before.values(), Duration.between(killed, Instant.now()), after.values());
      int flowing = acked(load);
      await("the load flowing on")
          .atMost(Duration.ofMinutes(2))
          .until(() -> acked(load) >= flowing + 5);
      load.stop();

      assertThat(after).hasSize(1);
      checks.verify(load.log(), viewers);
    }
  }

  private static int acked(SteadyLoad load) {
    return load.log().acknowledged().size();
  }

  /** Partitions of the score-events topic per consumer of the projectors' group. */
  private static Map<String, Integer> partitionsPerMember(Admin admin) throws Exception {
    String group = "scoreboard-projector-" + stack.settings().kafkaTopic();
    String topic = stack.settings().kafkaTopic();
    return admin.describeConsumerGroups(List.of(group)).all().get().get(group).members().stream()
        .collect(
            Collectors.toMap(
                MemberDescription::consumerId,
                m ->
                    (int)
                        m.assignment().topicPartitions().stream()
                            .filter(tp -> tp.topic().equals(topic))
                            .count()));
  }

  /** Sum of a metric over each command-api instance, by instance URL. */
  private static Map<String, Double> outboxMetric(String metric) {
    Map<String, Double> byInstance = new HashMap<>();
    stack.commandApiUrls().forEach(url -> byInstance.put(url, Http.metrics(url).sum(metric)));
    return byInstance;
  }

  private static Map<String, Long> minus(Map<String, Double> after, Map<String, Double> before) {
    Map<String, Long> delta = new java.util.TreeMap<>();
    after.forEach((k, v) -> delta.put(k, Math.round(v - before.getOrDefault(k, 0.0))));
    return delta;
  }

  private static double sumOverProjectors(String metric) {
    return stack.projectorUrls().stream().mapToDouble(url -> Http.metrics(url).sum(metric)).sum();
  }

  private static ActionLog.Action play(DrillPlayer player) throws Exception {
    ActionLog.Action action = player.play("REFER_FRIEND_COMPLETED").get();
    assertThat(action).as("started").isNotNull();
    assertThat(action.isAcknowledged()).as("acknowledged").isTrue();
    return action;
  }

  /** The first message after {@code since} that shows the action's user at its new score. */
  private static Viewer.Received firstShowing(
      Viewer viewer, Instant since, ActionLog.Action action) {
    return viewer.received().stream()
        .filter(r -> r.at().isAfter(since))
        .filter(
            r -> {
              for (JsonNode e : r.message().path("entries")) {
                if (action.userId.equals(e.path("userId").asString())
                    && e.path("score").asLong() == action.newScore()) {
                  return true;
                }
              }
              return false;
            })
        .findFirst()
        .orElse(null);
  }

  /** Every update a viewer received from seq {@code first} on: seq and entries. */
  private static List<String> updatesFrom(Viewer viewer, long first) {
    return viewer.received().stream()
        .filter(r -> !r.snapshot() && r.seq() >= first)
        .map(r -> r.seq() + " " + r.message().path("entries"))
        .toList();
  }

  private static HttpResponse<String> post(String baseUrl, String bearer, String path, String json)
      throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
