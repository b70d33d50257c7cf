package dev.livescoreboard.system;

import static org.awaitility.Awaitility.await;

import dev.livescoreboard.infra.LocalStack;
import java.time.Duration;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebDriverException;

/**
 * What every browser test of the live page shares: the run's one stack, a fresh headless Chromium
 * per test whose last view is saved as {@code target/browser-screenshots/<test>.png}, and the
 * consistency audit of the stack once a class is done. Every test watches a board of its own
 * ({@link SharedStack#BOARDS}, or a board no action scores on).
 */
@ExtendWith(SharedStack.class)
abstract class LivePageTestBase {

  /** How long the page may take to show what the stack already serves. */
  static final Duration LIVE = Duration.ofSeconds(5);

  static LocalStack stack;
  static PageFixtures fixtures;

  Browser browser;
  LivePage page;
  String testName;

  @BeforeAll
  static void useTheStack(LocalStack shared) {
    stack = shared;
    fixtures = new PageFixtures(shared);
  }

  /** After the class's tests: the consistency audit of the shared stack must find no drift. */
  @AfterAll
  static void auditTheStack() {
    if (stack != null) { // null: the stack did not start, which the tests already report
      StackAudit.assertConsistent(stack);
    }
  }

  @BeforeEach
  void openBrowser(TestInfo test) {
    testName = test.getTestMethod().orElseThrow().getName();
    use(Browser.start());
  }

  /** Replaces the test's browser, e.g. by one behind a proxy. */
  void use(Browser replacement) {
    if (browser != null) {
      browser.close();
    }
    browser = replacement;
    page = new LivePage(replacement);
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      try {
        awaitStillness();
        browser.screenshot(testName);
      } finally {
        browser.close();
      }
    }
  }

  /** Lets rows finish sliding and fading, so the screenshot shows where they are going. */
  private void awaitStillness() {
    try {
      await()
          .atMost(Duration.ofSeconds(2))
          .until(
              () ->
                  Long.valueOf(0).equals(browser.script("return document.getAnimations().length")));
    } catch (ConditionTimeoutException | WebDriverException stillMoving) {
      // A screenshot of a page in motion is still a screenshot.
    }
  }
}
