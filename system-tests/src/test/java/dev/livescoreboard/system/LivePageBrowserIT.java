package dev.livescoreboard.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.livescoreboard.events.EventKeys;
import dev.livescoreboard.events.Seasons;
import dev.livescoreboard.system.LivePage.ChartLine;
import dev.livescoreboard.system.PageFixtures.Player;
import dev.livescoreboard.testsupport.UniqueNames;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a viewer of the live page sees, in a real headless Chromium against the whole local stack:
 * the snapshot, rows that move, enter and leave, the board and season pickers, the "You" panel and
 * the chart. The transports are {@link LivePageConnectionIT}'s; keyboard, names, themes and motion
 * {@link LivePageAccessibilityIT}'s.
 */
class LivePageBrowserIT extends LivePageTestBase {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void thePageShowsTheBoardsSnapshotOverAWebSocketWithoutConsoleErrors() {
    String board = fixtures.defineBoard("page-1", "Snapshot Cup", 5);
    Player ann = fixtures.player("Ann");
    Player ben = fixtures.player("Ben");
    Player cid = fixtures.player("Cid");
    ann.play(board, "REFER_FRIEND_COMPLETED", "REFER_FRIEND_COMPLETED");
    ben.play(board, "REFER_FRIEND_COMPLETED");
    cid.play(board, "WIN_MATCH");
    fixtures.awaitTopOnGateway(board, 3);

    browser.open(fixtures.page(board));

    await()
        .atMost(LIVE)
        .untilAsserted(
            () -> assertThat(page.rows()).containsExactly("1 Ann 100", "2 Ben 50", "3 Cid 20"));
    page.assertLiveOver("websocket");
    assertThat(page.text("title")).isEqualTo("Snapshot Cup");
    assertThat(page.text("board-caption")).isEqualTo("Top 5");
    assertThat(browser.consoleErrors()).as("no CSP violation, no failed load").isEmpty();
    String origin = stack.gatewayUrl().replaceFirst("^http", "");
    assertThat(browser.requests().urls())
        .as(
            "no third-party origin: pages, scripts, styles, reads and the WebSocket are the gateway's")
        .isNotEmpty()
        .allMatch(url -> url.startsWith("http" + origin + "/") || url.startsWith("ws" + origin));
  }

  @Test
  void aPastSeasonPickedAfterAResetIsShownReadOnlyWithItsDatesAndKeptInTheAddress()
      throws Exception {
    String board = fixtures.defineBoard("page-10", "Seasons", 10);
    fixtures.player("Ann").play(board, "COMPLETE_LEVEL");
    fixtures.awaitTopOnGateway(board, 1);
    HttpResponse<String> reset =
        fixtures.adminPost(stack.commandApiUrl() + "/api/v1/admin/boards/" + board + "/reset");
    assertThat(reset.statusCode()).as(reset.body()).isEqualTo(201);
    String current = JSON.readTree(reset.body()).path("season").asString();
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(
                        JSON.readTree(
                                fixtures.get("/api/v1/leaderboards/" + board + "/seasons").body())
                            .path("seasons")
                            .size())
                    .isEqualTo(2));
    browser.open(fixtures.page(board));
    await()
        .atMost(LIVE)
        .untilAsserted(
            () -> {
              assertThat(page.status()).containsEntry("state", "live");
              assertThat(page.text("rows")).as("the new season is empty").contains("No scores");
            });

    seasonPicker().selectByValue(Seasons.ALL_TIME);

    await().atMost(LIVE).untilAsserted(() -> assertThat(page.rows()).containsExactly("1 Ann 10"));
    assertThat(page.status()).containsEntry("state", "archived");
    assertThat(browser.driver.getCurrentUrl())
        .endsWith("/?board=" + board + "&season=" + Seasons.ALL_TIME);
    assertThat(page.text("season-dates"))
        .as("a past season shows when it started and ended")
        .contains("–");
    assertThat(seasonPicker().getOptions().get(0).getText()).isEqualTo(current + " (current)");

    browser.driver.navigate().refresh(); // the address is a link to this view

    await().atMost(LIVE).untilAsserted(() -> assertThat(page.rows()).containsExactly("1 Ann 10"));
    assertThat(page.status()).containsEntry("state", "archived");
    assertThat(seasonPicker().getFirstSelectedOption().getText()).isEqualTo(Seasons.ALL_TIME);
  }

  @Test
  void anUpdateSlidesTheRightRowToItsNewRankAndMarksHowFarItMoved() {
    String board = fixtures.defineBoard("page-2", "Moves", 10);
    Player amy = fixtures.player("Amy");
    Player bob = fixtures.player("Bob");
    Player cat = fixtures.player("Cat");
    amy.play(board, "REFER_FRIEND_COMPLETED", "COMPLETE_LEVEL");
    bob.play(board, "REFER_FRIEND_COMPLETED");
    cat.play(board, "WIN_MATCH");
    fixtures.awaitTopOnGateway(board, 3);
    browser.open(fixtures.page(board));
    await().atMost(LIVE).until(() -> page.rows().size() == 3);
    WebElement catsRow = page.row(cat.id());
    page.countMotion();
    page.recordScoresOf(cat.id());

    cat.play(board, "REFER_FRIEND_COMPLETED"); // 20 -> 70, past Amy (60) and Bob (50)

    await()
        .atMost(LIVE)
        .untilAsserted(
            () ->
                assertThat(page.rows())
                    .containsExactly("1 Cat 70 ▲2", "2 Amy 60 ▼1", "3 Bob 50 ▼1"));
    assertThat(catsRow.getAttribute("data-user"))
        .as("the same row moved, it was not redrawn")
        .isEqualTo(cat.id());
    assertThat(page.motionCount()).as("the row slid: transitions ran").isPositive();
    assertThat(page.recordedScores())
        .as("the score ticked from 20 up to 70")
        .anyMatch(score -> score > 20 && score < 70)
        .isSorted()
        .endsWith(70L);
    assertThat(page.text("latency")).contains("ms after");
  }

  @Test
  void aNewEntryFadesInAndTheEntryItPushesOutFadesOut() {
    String board = fixtures.defineBoard("page-11", "Top two", 2);
    Player kim = fixtures.player("Kim");
    Player lou = fixtures.player("Lou");
    Player mia = fixtures.player("Mia");
    kim.play(board, "REFER_FRIEND_COMPLETED", "REFER_FRIEND_COMPLETED"); // 100
    lou.play(board, "REFER_FRIEND_COMPLETED"); // 50
    fixtures.awaitTopOnGateway(board, 2);
    browser.open(fixtures.page(board));
    await()
        .atMost(LIVE)
        .untilAsserted(() -> assertThat(page.rows()).containsExactly("1 Kim 100", "2 Lou 50"));
    page.countMotion();
    page.recordRowClasses();

    mia.play(board, "WIN_MATCH", "REFER_FRIEND_COMPLETED"); // 70: 2nd, Lou out of the top 2

    await()
        .atMost(LIVE)
        .untilAsserted(() -> assertThat(page.rows()).containsExactly("1 Kim 100", "2 Mia 70 new"));
    assertThat(page.recordedRowClasses())
        .anyMatch(row -> row.startsWith(mia.id() + " ") && row.contains("entering"))
        .anyMatch(row -> row.startsWith(lou.id() + " ") && row.contains("leaving"));
    assertThat(page.motionCount()).as("the fades ran").isPositive();
    await()
        .atMost(LIVE)
        .untilAsserted(
            () ->
                assertThat(browser.driver.findElements(By.cssSelector("#rows tr[data-user]")))
                    .as("the leaver is gone once faded")
                    .hasSize(2));
  }

  @Test
  void aDisplayNameWithMarkupIsShownAsTextAndNeverRunsAsMarkup() throws Exception {
    String board = fixtures.defineBoard("page-3", "Markup", 10);
    Player mallory = fixtures.player("Mallory");
    mallory.play(board, "COMPLETE_LEVEL");
    fixtures.awaitTopOnGateway(board, 1);
    // A new board+season is rebuilt once by the projector's lost-data check (every 30 s), which
    // would also undo the forged event below; rebuilt now, it is not rebuilt again.
    fixtures.rebuildFromPostgres(board);
    String markup = "<img src=x onerror=alert(1)>";
    // command-api never stores such a name; an upstream that did must still not reach the DOM.
    republishWithName(board, mallory.id(), markup);
    fixtures.awaitTopOnGateway(board, 1);

    browser.open(fixtures.page(board));

    await()
        .atMost(LIVE)
        .untilAsserted(() -> assertThat(page.rows()).containsExactly("1 " + markup + " 20"));
    assertThat(browser.script("return document.querySelectorAll('main img').length")).isEqualTo(0L);
    assertThat(page.text("chart-legend")).contains(markup);
    assertThat(page.alertShown()).isFalse();

    // The forged event is undone from PostgreSQL, the source of truth, so the run's audit finds
    // the board as it was committed.
    fixtures.rebuildFromPostgres(board);
    await()
        .atMost(LIVE)
        .untilAsserted(() -> assertThat(page.rows()).containsExactly("1 Mallory 10"));
  }

  @Test
  void theBoardPickerSwitchesBoardsAndTheAddressKeepsTheChoice() {
    String first = fixtures.defineBoard("page-4", "First board", 10);
    String second = fixtures.defineBoard("page-5", "Second board", 10);
    Player dan = fixtures.player("Dan");
    Player eve = fixtures.player("Eve");
    dan.play(first, "COMPLETE_LEVEL");
    eve.play(second, "WIN_MATCH");
    fixtures.awaitTopOnGateway(first, 1);
    fixtures.awaitTopOnGateway(second, 1);
    browser.open(fixtures.page(first));
    await().atMost(LIVE).untilAsserted(() -> assertThat(page.rows()).containsExactly("1 Dan 10"));

    new Select(browser.driver.findElement(By.id("board-picker"))).selectByValue(second);

    await().atMost(LIVE).untilAsserted(() -> assertThat(page.rows()).containsExactly("1 Eve 20"));
    assertThat(browser.driver.getCurrentUrl()).endsWith("/?board=" + second);
    assertThat(page.text("title")).isEqualTo("Second board");
    assertThat(seasonPicker().getFirstSelectedOption().getText())
        .as("the current season is offered")
        .isEqualTo("all-time (current)");

    browser.driver.navigate().refresh();
    await().atMost(LIVE).untilAsserted(() -> assertThat(page.rows()).containsExactly("1 Eve 20"));
    assertThat(page.status()).containsEntry("state", "live");
  }

  @Test
  void theYouPanelShowsTheViewersRankAndTellsThemWhenTheyEnterTheTopOrArePassed() {
    String board = fixtures.defineBoard("page-6", "You", 3);
    Player lia = fixtures.player("Lia");
    Player max = fixtures.player("Max");
    Player ned = fixtures.player("Ned");
    Player viv = fixtures.player("Viv");
    lia.play(board, "REFER_FRIEND_COMPLETED", "REFER_FRIEND_COMPLETED"); // 100
    max.play(board, "REFER_FRIEND_COMPLETED", "COMPLETE_LEVEL"); // 60
    ned.play(board, "REFER_FRIEND_COMPLETED"); // 50
    viv.play(board, "WIN_MATCH"); // 20, 4th: below the top 3
    fixtures.awaitTopOnGateway(board, 4);
    browser.open(fixtures.page(board));
    await().atMost(LIVE).until(() -> page.rows().size() == 3);

    // The "play as" box of the local stack: the page mints Viv's token at the dev auth server.
    page.playAs(viv.id());

    await()
        .atMost(LIVE)
        .untilAsserted(
            () -> {
              assertThat(page.text("you-rank")).isEqualTo("4th of 4");
              assertThat(page.text("you-score")).isEqualTo("20");
              assertThat(page.text("you-gap")).isEqualTo("31 points"); // Ned's 50 - 20 + 1
              assertThat(page.text("you-around"))
                  .as("the entries around the viewer")
                  .contains("Max · 60", "Ned · 50", "Viv · 20");
            });
    page.assertLiveOver("websocket");

    viv.play(board, "REFER_FRIEND_COMPLETED"); // 70: 2nd

    await()
        .atMost(LIVE)
        .untilAsserted(
            () -> {
              assertThat(page.toasts()).contains("You entered the top 3 — you are 2nd");
              assertThat(page.text("you-rank")).isEqualTo("2nd of 4");
              assertThat(page.text("you-score")).isEqualTo("70");
              assertThat(page.text("you-gap")).isEqualTo("in the top 3");
              assertThat(
                      browser
                          .driver
                          .findElement(By.cssSelector("#rows tr.me"))
                          .getAttribute("data-user"))
                  .isEqualTo(viv.id());
            });

    ned.play(board, "REFER_FRIEND_COMPLETED"); // 100, after Lia: 2nd, Viv 3rd

    await()
        .atMost(LIVE)
        .untilAsserted(
            () -> {
              assertThat(page.toasts()).contains("Ned passed you — you are now 3rd");
              assertThat(page.text("you-rank")).isEqualTo("3rd of 4");
            });
    String token = page.storedToken();
    Browser.Requests sent = browser.requests();
    assertThat(sent.webSocketProtocols())
        .as("the token travels in Sec-WebSocket-Protocol")
        .contains("bearer, " + token);
    assertThat(sent.urls()).as("and in no URL").isNotEmpty().noneMatch(url -> url.contains(token));
  }

  @Test
  void theChartDrawsTheTopFiveAndTheirLinesGrowWithUpdates() {
    String board = fixtures.defineBoard("page-12", "Chart", 10);
    Player ada = fixtures.player("Ada");
    Player bea = fixtures.player("Bea");
    Player cal = fixtures.player("Cal");
    Player dot = fixtures.player("Dot");
    Player eli = fixtures.player("Eli");
    Player fin = fixtures.player("Fin");
    ada.play(board, "REFER_FRIEND_COMPLETED", "REFER_FRIEND_COMPLETED"); // 100
    bea.play(board, "REFER_FRIEND_COMPLETED", "WIN_MATCH", "COMPLETE_LEVEL"); // 80
    cal.play(board, "REFER_FRIEND_COMPLETED", "COMPLETE_LEVEL"); // 60
    dot.play(board, "REFER_FRIEND_COMPLETED"); // 50
    eli.play(board, "WIN_MATCH", "WIN_MATCH"); // 40
    fin.play(board, "WIN_MATCH"); // 20: 6th, not charted
    fixtures.awaitTopOnGateway(board, 6);
    browser.open(fixtures.page(board));
    await().atMost(LIVE).until(() -> page.rows().size() == 6);

    assertThat(page.chartLines())
        .extracting(ChartLine::title)
        .containsExactly("Ada: 100", "Bea: 80", "Cal: 60", "Dot: 50", "Eli: 40");
    assertThat(page.chartLegend())
        .containsExactly("Ada 100", "Bea 80", "Cal 60", "Dot 50", "Eli 40");
    ChartLine before = lineOf("Eli");

    eli.play(board, "REFER_FRIEND_COMPLETED"); // 90: 2nd

    await()
        .atMost(LIVE)
        .untilAsserted(
            () -> {
              assertThat(page.chartLegend())
                  .containsExactly("Ada 100", "Eli 90", "Bea 80", "Cal 60", "Dot 50");
              ChartLine after = lineOf("Eli");
              assertThat(after.title()).isEqualTo("Eli: 90");
              assertThat(after.heights())
                  .as("the line has the new score's points")
                  .hasSizeGreaterThan(before.heights().size());
              assertThat(after.heights().get(after.heights().size() - 1))
                  .as("and ends higher than it started (up is a smaller y)")
                  .isLessThan(after.heights().get(0));
            });
  }

  private Select seasonPicker() {
    return new Select(browser.driver.findElement(By.id("season-picker")));
  }

  private ChartLine lineOf(String name) {
    return page.chartLines().stream()
        .filter(line -> line.title().startsWith(name + ":"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no chart line of " + name));
  }

  /**
   * Publishes {@code userId}'s last score event again as its next version with {@code name} as the
   * display name, as a faulty or hostile upstream producer would.
   */
  private static void republishWithName(String board, String userId, String name) throws Exception {
    ConsumerRecord<String, String> original = eventOf(board, userId);
    ObjectNode event = (ObjectNode) JSON.readTree(original.value());
    long score = event.path("newScore").asLong();
    event.put("eventId", UUID.randomUUID().toString());
    event.put("displayName", name);
    event.put("userVersion", event.path("userVersion").asLong() + 1);
    event.put("previousScore", score);
    event.put("delta", 10);
    event.put("newScore", score + 10);
    try (var producer =
        new KafkaProducer<>(
            Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap()),
            new StringSerializer(),
            new StringSerializer())) {
      producer.send(new ProducerRecord<>(original.topic(), original.key(), event.toString())).get();
    }
  }

  private static ConsumerRecord<String, String> eventOf(String board, String userId) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, UniqueNames.of("page-reader"));
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    String key = EventKeys.scoreEvent(board, userId);
    try (var consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(stack.settings().kafkaTopic()));
      List<ConsumerRecord<String, String>> found = new ArrayList<>();
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () -> {
                consumer
                    .poll(Duration.ofMillis(200))
                    .forEach(
                        r -> {
                          if (key.equals(r.key())) {
                            found.add(r);
                          }
                        });
                return !found.isEmpty();
              });
      return found.get(found.size() - 1);
    }
  }
}
