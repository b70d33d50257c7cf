package dev.livescoreboard.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.livescoreboard.events.EventKeys;
import dev.livescoreboard.events.Seasons;
import dev.livescoreboard.infra.LocalStack;
import dev.livescoreboard.testsupport.UniqueNames;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The live page in a real headless Chromium against the whole local stack: what a viewer sees, and
 * how the page behaves when the network or the gateway lets it down. Every test watches a board of
 * its own ({@link SharedStack#BOARDS}) and saves a screenshot under {@code
 * target/browser-screenshots/}.
 */
@ExtendWith(SharedStack.class)
class LivePageBrowserIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration LIVE = Duration.ofSeconds(5);

  private static LocalStack stack;
  private static WriteApi api;
  private static String admin;

  private Browser browser;
  private String testName;

  /** After the class's tests: the consistency audit of the shared stack must find no drift. */
  @AfterAll
  static void auditTheStack() {
    StackAudit.assertConsistent(stack);
  }

  @BeforeAll
  static void useTheStack(LocalStack shared) {
    stack = shared;
    api = new WriteApi(stack.commandApiUrl());
    admin = stack.auth().mint("page-admin", "Admin", List.of("scoreboard:admin"));
  }

  @BeforeEach
  void openBrowser(TestInfo test) {
    testName = test.getTestMethod().orElseThrow().getName();
    browser = Browser.start();
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      try {
        browser.screenshot(testName);
      } finally {
        browser.close();
      }
    }
  }

  @Test
  void thePageShowsTheBoardsSnapshotOverAWebSocketWithoutConsoleErrors() {
    String board = defineBoard("page-1", "Snapshot Cup", 5);
    Player ann = player("Ann");
    Player ben = player("Ben");
    Player cid = player("Cid");
    ann.play(board, "REFER_FRIEND_COMPLETED", "REFER_FRIEND_COMPLETED");
    ben.play(board, "REFER_FRIEND_COMPLETED");
    cid.play(board, "WIN_MATCH");
    awaitTopOnGateway(board, 3);

    browser.open(page(board));

    await()
        .atMost(LIVE)
        .untilAsserted(
            () -> assertThat(rows()).containsExactly("1 Ann 100", "2 Ben 50", "3 Cid 20"));
    assertThat(status()).containsEntry("state", "live").containsEntry("transport", "websocket");
    assertThat(browser.driver.findElement(By.id("title")).getText()).isEqualTo("Snapshot Cup");
    assertThat(browser.driver.findElement(By.id("board-caption")).getText()).isEqualTo("Top 5");
    assertThat(browser.consoleErrors()).as("no CSP violation, no failed load").isEmpty();
  }

  @Test
  void aPastSeasonIsShownReadOnlyWithItsDatesAfterAReset() throws Exception {
    String board = defineBoard("page-10", "Seasons", 10);
    player("Ann").play(board, "COMPLETE_LEVEL");
    awaitTopOnGateway(board, 1);
    HttpResponse<String> reset =
        adminPost(stack.commandApiUrl() + "/api/v1/admin/boards/" + board + "/reset");
    assertThat(reset.statusCode()).as(reset.body()).isEqualTo(201);
    String current = JSON.readTree(reset.body()).path("season").asString();
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(
                        JSON.readTree(httpGet("/api/v1/leaderboards/" + board + "/seasons").body())
                            .path("seasons")
                            .size())
                    .isEqualTo(2));

    browser.open(page(board) + "&season=" + Seasons.ALL_TIME);

    await().atMost(LIVE).untilAsserted(() -> assertThat(rows()).containsExactly("1 Ann 10"));
    assertThat(status()).containsEntry("state", "archived");
    assertThat(browser.driver.findElement(By.id("season-dates")).getText())
        .as("a past season shows when it started and ended")
        .contains("–");
    Select seasons = new Select(browser.driver.findElement(By.id("season-picker")));
    assertThat(seasons.getOptions().get(0).getText()).isEqualTo(current + " (current)");
    assertThat(seasons.getFirstSelectedOption().getText()).isEqualTo(Seasons.ALL_TIME);
  }

  @Test
  void anUpdateSlidesTheRightRowToItsNewRankAndMarksHowFarItMoved() {
    String board = defineBoard("page-2", "Moves", 10);
    Player amy = player("Amy");
    Player bob = player("Bob");
    Player cat = player("Cat");
    amy.play(board, "REFER_FRIEND_COMPLETED", "COMPLETE_LEVEL");
    bob.play(board, "REFER_FRIEND_COMPLETED");
    cat.play(board, "WIN_MATCH");
    awaitTopOnGateway(board, 3);
    browser.open(page(board));
    await().atMost(LIVE).until(() -> rows().size() == 3);
    WebElement catsRow = row(cat);
    countMotion();

    cat.play(board, "REFER_FRIEND_COMPLETED"); // 20 -> 70, past Amy (60) and Bob (50)

    await()
        .atMost(LIVE)
        .untilAsserted(
            () -> assertThat(rows()).containsExactly("1 Cat 70 ▲2", "2 Amy 60 ▼1", "3 Bob 50 ▼1"));
    assertThat(catsRow.getAttribute("data-user"))
        .as("the same row moved, it was not redrawn")
        .isEqualTo(cat.id);
    assertThat(motionCount()).as("the row slid: transitions ran").isPositive();
    assertThat(browser.driver.findElement(By.id("latency")).getText()).contains("ms after");
  }

  @Test
  void aDisplayNameWithMarkupIsShownAsTextAndNeverRunsAsMarkup() throws Exception {
    String board = defineBoard("page-3", "Markup", 10);
    Player mallory = player("Mallory");
    mallory.play(board, "COMPLETE_LEVEL");
    awaitTopOnGateway(board, 1);
    // A new board+season is rebuilt once by the projector's lost-data check (every 30 s), which
    // would also undo the forged event below; rebuilt now, it is not rebuilt again.
    rebuildFromPostgres(board);
    String markup = "<img src=x onerror=alert(1)>";
    // command-api never stores such a name; an upstream that did must still not reach the DOM.
    republishWithName(board, mallory.id, markup);
    awaitTopOnGateway(board, 1);

    browser.open(page(board));

    await()
        .atMost(LIVE)
        .untilAsserted(() -> assertThat(rows()).containsExactly("1 " + markup + " 20"));
    assertThat(browser.script("return document.querySelectorAll('main img').length")).isEqualTo(0L);
    assertThat(browser.driver.findElement(By.id("chart-legend")).getText()).contains(markup);
    assertThat(alertShown()).isFalse();

    // The forged event is undone from PostgreSQL, the source of truth, so the run's audit finds
    // the board as it was committed.
    rebuildFromPostgres(board);
    await().atMost(LIVE).untilAsserted(() -> assertThat(rows()).containsExactly("1 Mallory 10"));
  }

  @Test
  void theBoardPickerSwitchesBoardsAndTheAddressKeepsTheChoice() {
    String first = defineBoard("page-4", "First board", 10);
    String second = defineBoard("page-5", "Second board", 10);
    Player dan = player("Dan");
    Player eve = player("Eve");
    dan.play(first, "COMPLETE_LEVEL");
    eve.play(second, "WIN_MATCH");
    awaitTopOnGateway(first, 1);
    awaitTopOnGateway(second, 1);
    browser.open(page(first));
    await().atMost(LIVE).untilAsserted(() -> assertThat(rows()).containsExactly("1 Dan 10"));

    new Select(browser.driver.findElement(By.id("board-picker"))).selectByValue(second);

    await().atMost(LIVE).untilAsserted(() -> assertThat(rows()).containsExactly("1 Eve 20"));
    assertThat(browser.driver.getCurrentUrl()).endsWith("/?board=" + second);
    assertThat(browser.driver.findElement(By.id("title")).getText()).isEqualTo("Second board");
    assertThat(
            new Select(browser.driver.findElement(By.id("season-picker")))
                .getFirstSelectedOption()
                .getText())
        .as("the current season is offered")
        .isEqualTo("all-time (current)");

    browser.driver.navigate().refresh();
    await().atMost(LIVE).untilAsserted(() -> assertThat(rows()).containsExactly("1 Eve 20"));
    assertThat(status()).containsEntry("state", "live");
  }

  @Test
  void theYouPanelShowsTheViewersRankAndTellsThemWhenTheyEnterTheTopOrArePassed() {
    String board = defineBoard("page-6", "You", 3);
    Player lia = player("Lia");
    Player max = player("Max");
    Player ned = player("Ned");
    Player viv = player("Viv");
    lia.play(board, "REFER_FRIEND_COMPLETED", "REFER_FRIEND_COMPLETED"); // 100
    max.play(board, "REFER_FRIEND_COMPLETED", "COMPLETE_LEVEL"); // 60
    ned.play(board, "REFER_FRIEND_COMPLETED"); // 50
    viv.play(board, "WIN_MATCH"); // 20, 4th: below the top 3
    awaitTopOnGateway(board, 4);
    browser.open(page(board));
    await().atMost(LIVE).until(() -> rows().size() == 3);

    // The "play as" box of the local stack: the page mints Viv's token at the dev auth server.
    browser.driver.findElement(By.id("play-as-id")).sendKeys(viv.id);
    browser.driver.findElement(By.cssSelector("#play-as button")).click();

    await()
        .atMost(LIVE)
        .untilAsserted(
            () -> {
              assertThat(text("you-rank")).isEqualTo("4th of 4");
              assertThat(text("you-gap")).isEqualTo("31 points"); // Ned's 50 - 20 + 1
            });
    assertThat(status()).containsEntry("state", "live").containsEntry("transport", "websocket");

    viv.play(board, "REFER_FRIEND_COMPLETED"); // 70: 2nd

    await()
        .atMost(LIVE)
        .untilAsserted(
            () -> {
              assertThat(toasts()).contains("You entered the top 3 — you are 2nd");
              assertThat(text("you-rank")).isEqualTo("2nd of 4");
              assertThat(
                      browser
                          .driver
                          .findElement(By.cssSelector("#rows tr.me"))
                          .getAttribute("data-user"))
                  .isEqualTo(viv.id);
            });

    ned.play(board, "REFER_FRIEND_COMPLETED"); // 100, after Lia: 2nd, Viv 3rd

    await()
        .atMost(LIVE)
        .untilAsserted(
            () -> {
              assertThat(toasts()).contains("Ned passed you — you are now 3rd");
              assertThat(text("you-rank")).isEqualTo("3rd of 4");
            });
    assertThat(browser.script("return location.href")).asString().doesNotContain("eyJ");
  }

  @Test
  void withTheWebSocketBlockedThePageUsesSseAndWithBothBlockedItPolls() {
    try (BlockingProxy proxy = BlockingProxy.start()) {
      fallsBackBehind(proxy);
    }
  }

  private void fallsBackBehind(BlockingProxy proxy) {
    String board = defineBoard("page-7", "Fallbacks", 10);
    Player fay = player("Fay");
    Player gus = player("Gus");
    fay.play(board, "WIN_MATCH");
    awaitTopOnGateway(board, 1);

    browser.close();
    browser = Browser.startBehind(proxy);
    proxy.block(BlockingProxy.Block.WEBSOCKET);
    browser.open(page(board));
    await()
        .atMost(LIVE)
        .untilAsserted(
            () ->
                assertThat(status())
                    .containsEntry("state", "live")
                    .containsEntry("transport", "sse"));
    gus.play(board, "REFER_FRIEND_COMPLETED");
    await()
        .atMost(LIVE)
        .untilAsserted(() -> assertThat(rows()).containsExactly("1 Gus 50 new", "2 Fay 20 ▼1"));
    browser.screenshot(testName + "-sse");

    proxy.block(BlockingProxy.Block.WEBSOCKET, BlockingProxy.Block.STREAM);
    browser.driver.navigate().refresh();
    await()
        .atMost(LIVE)
        .untilAsserted(
            () ->
                assertThat(status())
                    .containsEntry("state", "live")
                    .containsEntry("transport", "polling"));
    fay.play(board, "REFER_FRIEND_COMPLETED"); // 70: 1st again
    await()
        .atMost(LIVE)
        .untilAsserted(() -> assertThat(rows()).containsExactly("1 Fay 70 ▲1", "2 Gus 50 ▼1"));
  }

  @Test
  void afterTheGatewayRestartsThePageReconnectsByItself() {
    String board = defineBoard("page-8", "Restart", 10);
    Player hal = player("Hal");
    hal.play(board, "COMPLETE_LEVEL");
    awaitTopOnGateway(board, 1);
    browser.open(page(board));
    await().atMost(LIVE).untilAsserted(() -> assertThat(status()).containsEntry("state", "live"));
    watchStates();

    stack.restart("realtime-gateway");

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(status())
                    .containsEntry("state", "live")
                    .containsEntry("transport", "websocket"));
    assertThat(seenStates())
        .as("it noticed the drop and counted down to a retry")
        .contains("reconnecting");
    hal.play(board, "WIN_MATCH");
    await().atMost(LIVE).untilAsserted(() -> assertThat(rows()).containsExactly("1 Hal 30"));
  }

  @Test
  void reducedMotionIsHonoured() {
    String board = defineBoard("page-9", "Calm", 10);
    Player ida = player("Ida");
    Player jon = player("Jon");
    ida.play(board, "REFER_FRIEND_COMPLETED");
    jon.play(board, "WIN_MATCH");
    awaitTopOnGateway(board, 2);
    browser.preferReducedMotion();
    browser.open(page(board));
    await().atMost(LIVE).until(() -> rows().size() == 2);
    assertThat(browser.script("return matchMedia('(prefers-reduced-motion: reduce)').matches"))
        .isEqualTo(true);
    countMotion();

    jon.play(board, "REFER_FRIEND_COMPLETED"); // 70: past Ida

    // The row is in its new place and its score final at once: no slide, no count-up, no fade.
    await()
        .atMost(LIVE)
        .untilAsserted(() -> assertThat(rows()).containsExactly("1 Jon 70 ▲1", "2 Ida 50 ▼1"));
    assertThat(motionCount()).isZero();
    assertThat(browser.script("return document.getAnimations().length")).isEqualTo(0L);
  }

  @Test
  void anUnknownBoardStopsWithTheReasonInsteadOfRetrying() {
    browser.open(page("no-such-board"));

    await()
        .atMost(LIVE)
        .untilAsserted(() -> assertThat(status()).containsEntry("state", "stopped"));
    assertThat(browser.driver.findElement(By.id("status")).getText()).contains("not found");
  }

  // ---- helpers ----------------------------------------------------------------------------------

  /** A player of the test with a unique id. */
  private record Player(String id, String name, String token) {
    void play(String board, String... actions) {
      for (String action : actions) {
        WriteApi.Reply done = api.play(token, action, board);
        assertThat(done.status()).as("completing " + action + ": " + done.body()).isEqualTo(200);
      }
    }
  }

  private static Player player(String name) {
    String id = UniqueNames.of(name.toLowerCase(java.util.Locale.ROOT));
    return new Player(id, name, stack.auth().mint(id, name, List.of()));
  }

  private static String defineBoard(String board, String title, int topN) {
    WriteApi.Reply defined = api.defineBoard(admin, board, title, topN, "never");
    assertThat(defined.status())
        .as("defining " + board + ": " + defined.body())
        .isBetween(200, 201);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> httpGet("/api/v1/leaderboards/" + board).statusCode() == 200);
    return board;
  }

  /** Waits until the gateway's read API lists all {@code players} players of {@code board}. */
  private static void awaitTopOnGateway(String board, int players) {
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () -> {
              String body = httpGet("/api/v1/leaderboards/" + board + "?limit=25").body();
              assertThat(JSON.readTree(body).path("entries").size()).as(body).isEqualTo(players);
            });
  }

  /** The projector's admin rebuild of {@code board}'s all-time season from PostgreSQL. */
  private static void rebuildFromPostgres(String board) throws Exception {
    HttpResponse<String> rebuilt =
        adminPost(
            stack.projectorUrl() + "/admin/rebuild?board=" + board + "&season=" + Seasons.ALL_TIME);
    assertThat(rebuilt.statusCode()).as(rebuilt.body()).isEqualTo(200);
  }

  /** {@code POST url} without a body, as the admin. */
  private static HttpResponse<String> adminPost(String url) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + admin)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> httpGet(String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path)).build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static String page(String board) {
    return stack.gatewayUrl() + "/?board=" + board;
  }

  /** The table as a viewer reads it: "rank name score [move]" per row. */
  private List<String> rows() {
    List<String> rows = new ArrayList<>();
    for (WebElement row :
        browser.driver.findElements(By.cssSelector("#rows tr[data-user]:not(.leaving)"))) {
      List<String> cells = new ArrayList<>();
      for (WebElement cell : row.findElements(By.tagName("td"))) {
        String value = cell.getText().trim();
        if (!value.isEmpty()) {
          cells.add(value);
        }
      }
      rows.add(String.join(" ", cells));
    }
    return rows;
  }

  private WebElement row(Player player) {
    return browser.driver.findElement(By.cssSelector("#rows tr[data-user='" + player.id + "']"));
  }

  private String text(String id) {
    return browser.driver.findElement(By.id(id)).getText();
  }

  private List<String> toasts() {
    return browser.driver.findElements(By.cssSelector("#toasts .toast")).stream()
        .map(WebElement::getText)
        .toList();
  }

  @SuppressWarnings("unchecked")
  private Map<String, String> status() {
    return (Map<String, String>)
        browser.script(
            "var s = document.getElementById('status');"
                + " return {state: s.dataset.state, transport: s.dataset.transport || ''};");
  }

  /** Starts counting, from the test's side, CSS transitions and animations that start. */
  private void countMotion() {
    browser.script(
        "window.__motion = 0;"
            + " ['transitionrun', 'animationstart'].forEach(function (type) {"
            + "   document.addEventListener(type, function () { window.__motion++; }, true); });");
  }

  private long motionCount() {
    return (Long) browser.script("return window.__motion;");
  }

  /** Starts recording, from the test's side, every state the status chip goes through. */
  private void watchStates() {
    browser.script(
        "window.__seenStates = [];"
            + " var chip = document.getElementById('status');"
            + " new MutationObserver(function () { window.__seenStates.push(chip.dataset.state); })"
            + "   .observe(chip, {attributes: true, attributeFilter: ['data-state']});");
  }

  /** The states recorded since {@link #watchStates()}. */
  @SuppressWarnings("unchecked")
  private List<String> seenStates() {
    return (List<String>) browser.script("return window.__seenStates || [];");
  }

  private boolean alertShown() {
    try {
      browser.driver.switchTo().alert();
      return true;
    } catch (NoAlertPresentException e) {
      return false;
    }
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
