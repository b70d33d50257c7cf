package dev.livescoreboard.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.livescoreboard.system.BlockingProxy.Route;
import dev.livescoreboard.system.PageFixtures.Player;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the live page keeps its connection, in a real headless Chromium against the whole local
 * stack: WebSocket, then SSE, then polling when a network lets it down; reconnecting by itself;
 * waiting out a busy gateway's {@code Retry-After}; stopping with the reason on a permanent refusal
 * (unknown board, origin not allowed, revoked sign-in) instead of retrying.
 */
class LivePageConnectionIT extends LivePageTestBase {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Long enough for a retry loop to show itself: the first back-off waits at most 1 s. */
  private static final Duration NO_RETRY = Duration.ofSeconds(3);

  /** A host name that finds this machine but that the stack's origin allow list does not name. */
  private static final String FOREIGN_HOST = "scoreboard.test";

  @Test
  void withTheWebSocketBlockedThePageUsesSseAndWithBothBlockedItPolls() {
    try (BlockingProxy proxy = BlockingProxy.start()) {
      String board = fixtures.defineBoard("page-7", "Fallbacks", 10);
      Player fay = fixtures.player("Fay");
      Player gus = fixtures.player("Gus");
      fay.play(board, "WIN_MATCH");
      fixtures.awaitTopOnGateway(board, 1);

      use(Browser.startBehind(proxy));
      proxy.drop(Route.WEBSOCKET);
      browser.open(fixtures.page(board));
      await().atMost(LIVE).untilAsserted(() -> page.assertLiveOver("sse"));
      gus.play(board, "REFER_FRIEND_COMPLETED");
      await()
          .atMost(LIVE)
          .untilAsserted(
              () -> assertThat(page.rows()).containsExactly("1 Gus 50 new", "2 Fay 20 ▼1"));
      assertThat(page.text("latency")).as("SSE updates carry their commit time").contains("ms");
      browser.screenshot(testName + "-sse");

      proxy.drop(Route.WEBSOCKET, Route.STREAM);
      browser.driver.navigate().refresh();
      await().atMost(LIVE).untilAsserted(() -> page.assertLiveOver("polling"));
      fay.play(board, "REFER_FRIEND_COMPLETED"); // 70: 1st again
      await()
          .atMost(LIVE)
          .untilAsserted(
              () -> assertThat(page.rows()).containsExactly("1 Fay 70 ▲1", "2 Gus 50 ▼1"));
    }
  }

  @Test
  void afterTheGatewayRestartsThePageReconnectsByItselfWithACountdown() {
    String board = fixtures.defineBoard("page-8", "Restart", 10);
    Player hal = fixtures.player("Hal");
    hal.play(board, "COMPLETE_LEVEL");
    fixtures.awaitTopOnGateway(board, 1);
    page.recordStatusFromTheStart();
    browser.open(fixtures.page(board));
    await()
        .atMost(LIVE)
        .untilAsserted(() -> assertThat(page.status()).containsEntry("state", "live"));
    int before = page.statusHistory().size();

    stack.restart("realtime-gateway");

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              List<String> since = sinceIndex(page.statusHistory(), before);
              assertThat(since)
                  .as("it noticed the drop and counted down to a retry")
                  .anyMatch(
                      shown -> shown.matches("reconnecting\\|reconnecting · retry in \\d+ s"));
              page.assertLiveOver("websocket");
            });
    hal.play(board, "WIN_MATCH");
    await().atMost(LIVE).untilAsserted(() -> assertThat(page.rows()).containsExactly("1 Hal 30"));
  }

  @Test
  void aBusyGatewaysRetryAfterIsWaitedInFullWithTheCountdownShownOnTheStreamAndThePolls() {
    try (BlockingProxy proxy = BlockingProxy.start()) {
      String board = fixtures.defineBoard("page-13", "Busy", 10);
      Player ivy = fixtures.player("Ivy");
      ivy.play(board, "WIN_MATCH");
      fixtures.awaitTopOnGateway(board, 1);
      use(Browser.startBehind(proxy));
      page.recordStatusFromTheStart();
      int retryAfter = 3;

      // The stream: refused with 503 + Retry-After, then served again.
      proxy.drop(Route.WEBSOCKET);
      proxy.busy(retryAfter, Route.STREAM);
      browser.open(fixtures.page(board));
      await().atMost(LIVE).until(() -> proxy.arrivals(Route.STREAM).size() >= 1);
      assertThat(firstCountdown())
          .as("the countdown starts at Retry-After or a little later, never sooner")
          .isBetween(retryAfter, retryAfter * 3 / 2 + 1);
      assertThat(page.text("message")).contains("asked to come back in 3 s");
      await().atMost(Duration.ofSeconds(15)).until(() -> proxy.arrivals(Route.STREAM).size() >= 2);
      assertThat(gap(proxy.arrivals(Route.STREAM)))
          .as("the stream was asked for again only after Retry-After")
          .isGreaterThanOrEqualTo(Duration.ofSeconds(retryAfter));
      proxy.pass(Route.STREAM);
      await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> page.assertLiveOver("sse"));
      browser.screenshot(testName + "-sse");

      // The polls: the last resort, refused the same way.
      proxy.drop(Route.WEBSOCKET, Route.STREAM);
      proxy.busy(retryAfter, Route.POLL);
      int pollsBefore = proxy.arrivals(Route.POLL).size();
      browser.driver.navigate().refresh();
      await()
          .atMost(Duration.ofSeconds(15))
          .until(() -> proxy.arrivals(Route.POLL).size() >= pollsBefore + 2);
      assertThat(gap(sinceIndex(proxy.arrivals(Route.POLL), pollsBefore)))
          .as("the board was polled again only after Retry-After")
          .isGreaterThanOrEqualTo(Duration.ofSeconds(retryAfter));
      assertThat(firstCountdown()).isBetween(retryAfter, retryAfter * 3 / 2 + 1);
      proxy.pass(Route.POLL);
      await()
          .atMost(Duration.ofSeconds(15))
          .untilAsserted(
              () -> {
                page.assertLiveOver("polling");
                assertThat(page.rows()).containsExactly("1 Ivy 20");
              });
    }
  }

  @Test
  void anUnknownBoardStopsWithTheReasonInsteadOfRetrying() {
    browser.open(fixtures.page("no-such-board"));

    awaitStoppedForGood();
    assertThat(page.text("status")).contains("not found");
  }

  @Test
  void aPageFromAnOriginTheGatewayDoesNotAllowStopsAndSaysWhy() {
    String board = fixtures.defineBoard("page-14", "Elsewhere", 10);
    use(Browser.startResolving(FOREIGN_HOST));
    String foreign = stack.gatewayUrl().replace("127.0.0.1", FOREIGN_HOST);

    browser.open(foreign + "/?board=" + board);

    awaitStoppedForGood();
    assertThat(page.text("status"))
        .contains("origin " + foreign + " is not allowed by the gateway (403)");
    assertThat(page.text("rows")).contains("Not available");
  }

  @Test
  void aRevokedSignInStopsThePageWithTheReasonAndSignsOutWithoutReconnecting() {
    String board = fixtures.defineBoard("page-15", "Revoked", 10);
    Player jay = fixtures.player("Jay");
    jay.play(board, "COMPLETE_LEVEL");
    fixtures.awaitTopOnGateway(board, 1);
    browser.open(fixtures.page(board));
    await().atMost(LIVE).until(() -> page.rows().size() == 1);
    page.playAs(jay.id());
    await()
        .atMost(LIVE)
        .untilAsserted(
            () -> {
              assertThat(page.text("you-rank")).isEqualTo("1st of 1");
              page.assertLiveOver("websocket");
            });
    String token = page.storedToken();

    fixtures.revoke(jti(token));

    awaitStoppedForGood();
    assertThat(page.text("status")).contains("revoked or has expired (4001)");
    assertThat(browser.driver.findElement(By.id("play-as")).isDisplayed())
        .as("signed out, the play-as box is offered again")
        .isTrue();
    assertThat(page.storedToken()).isNull();
  }

  /** The page stops and stays stopped: no reconnect, no retry loop behind the chip. */
  private void awaitStoppedForGood() {
    await()
        .atMost(LIVE)
        .untilAsserted(() -> assertThat(page.status()).containsEntry("state", "stopped"));
    String stopped = page.text("status");
    await()
        .during(NO_RETRY)
        .atMost(NO_RETRY.plus(LIVE))
        .until(() -> page.text("status").equals(stopped));
  }

  /** The first "retry in N s" the chip showed on this page, as N. */
  private int firstCountdown() {
    Pattern countdown = Pattern.compile("reconnecting\\|reconnecting · retry in (\\d+) s");
    return await("a countdown on the status chip")
        .atMost(LIVE)
        .until(
            () ->
                page.statusHistory().stream()
                    .map(countdown::matcher)
                    .filter(Matcher::matches)
                    .map(m -> Integer.valueOf(m.group(1)))
                    .findFirst()
                    .orElse(null),
            n -> n != null);
  }

  /** The time between the first two arrivals. */
  private static Duration gap(List<Long> arrivals) {
    return Duration.ofNanos(arrivals.get(1) - arrivals.get(0));
  }

  private static <T> List<T> sinceIndex(List<T> list, int index) {
    return list.subList(Math.min(index, list.size()), list.size());
  }

  /** The {@code jti} claim of a JWT, read without verifying it. */
  private static String jti(String token) {
    String payload = token.split("\\.")[1];
    return JSON.readTree(Base64.getUrlDecoder().decode(payload)).path("jti").asString();
  }
}
