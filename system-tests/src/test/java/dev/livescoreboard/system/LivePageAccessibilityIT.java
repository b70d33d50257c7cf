package dev.livescoreboard.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.livescoreboard.system.PageFixtures.Player;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * The live page for everyone, in a real headless Chromium against the whole local stack: usable
 * with the keyboard alone, every control and header named for assistive technology, light and dark
 * themes from the system with readable text in both, and no motion when the system asks for less.
 */
class LivePageAccessibilityIT extends LivePageTestBase {

  /** WCAG 2's AA minimum contrast for normal text. */
  private static final double MIN_CONTRAST = 4.5;

  private static final Pattern RGB =
      Pattern.compile("rgba?\\((\\d+), (\\d+), (\\d+)(?:, ([\\d.]+))?\\)");

  @Test
  void theKeyboardAloneChangesTheBoardAndPlaysAsWithTheFocusAlwaysVisible() {
    String first = fixtures.defineBoard("page-16", "Keys one", 10);
    String second = fixtures.defineBoard("page-17", "Keys two", 10);
    Player kit = fixtures.player("Kit");
    kit.play(second, "WIN_MATCH");
    fixtures.awaitTopOnGateway(second, 1);
    browser.open(fixtures.page(first));
    await()
        .atMost(LIVE)
        .untilAsserted(
            () -> {
              assertThat(page.status()).containsEntry("state", "live");
              assertThat(browser.driver.findElement(By.id("play-as")).isDisplayed()).isTrue();
            });

    press(Keys.TAB);
    assertThat(focused()).isEqualTo("board-picker");
    assertFocusVisible();

    List<String> boards =
        new Select(browser.driver.findElement(By.id("board-picker")))
            .getOptions().stream().map(option -> option.getAttribute("value")).toList();
    int steps = boards.indexOf(second) - boards.indexOf(first);
    for (int i = 0; i < Math.abs(steps); i++) {
      press(steps > 0 ? Keys.ARROW_DOWN : Keys.ARROW_UP);
      await()
          .atMost(LIVE)
          .until(
              () ->
                  Boolean.TRUE.equals(
                      browser.script(
                          "return new URLSearchParams(location.search).get('board')"
                              + " === document.getElementById('board-picker').value")));
    }
    await().atMost(LIVE).untilAsserted(() -> assertThat(page.rows()).containsExactly("1 Kit 20"));
    assertThat(browser.driver.getCurrentUrl()).endsWith("/?board=" + second);
    assertThat(focused()).as("the picker keeps the focus").isEqualTo("board-picker");

    press(Keys.TAB); // the season picker is disabled: one season only
    assertThat(focused()).isEqualTo("play-as-id");
    assertFocusVisible();
    press(kit.id());
    press(Keys.ENTER);

    await()
        .atMost(LIVE)
        .untilAsserted(
            () -> {
              assertThat(page.text("you-id")).isEqualTo(kit.id());
              assertThat(page.text("you-rank")).isEqualTo("1st of 1");
            });
    assertThat(focused()).as("the focus moves on to Sign out, not lost").isEqualTo("sign-out");
    assertFocusVisible();
    press(Keys.ENTER);

    await()
        .atMost(LIVE)
        .untilAsserted(() -> assertThat(page.text("you-anonymous")).contains("anonymously"));
    assertThat(focused()).as("and back to the play-as box").isEqualTo("play-as-id");
  }

  @Test
  void everyControlHeaderAndTheChartHaveAccessibleNames() {
    String board = fixtures.defineBoard("page-18", "Names", 10);
    Player lex = fixtures.player("Lex");
    Player mo = fixtures.player("Mo");
    lex.play(board, "REFER_FRIEND_COMPLETED");
    mo.play(board, "WIN_MATCH");
    fixtures.awaitTopOnGateway(board, 2);
    browser.open(fixtures.page(board));
    await().atMost(LIVE).until(() -> page.rows().size() == 2);
    page.playAs(mo.id());
    await()
        .atMost(LIVE)
        .untilAsserted(() -> assertThat(page.text("you-rank")).isEqualTo("2nd of 2"));

    mo.play(board, "REFER_FRIEND_COMPLETED"); // 70: past Lex

    await()
        .atMost(LIVE)
        .untilAsserted(() -> assertThat(page.rows()).containsExactly("1 Mo 70 ▲1", "2 Lex 50 ▼1"));
    assertThat(nameOf("#board-picker")).isEqualTo("Board");
    assertThat(nameOf("#season-picker")).isEqualTo("Season");
    assertThat(nameOf("#pickers")).isEqualTo("Board and season");
    assertThat(nameOf("#leaderboard")).isEqualTo("Top 10");
    assertThat(namesOf("#leaderboard th")).containsExactly("Rank", "Player", "Score", "Movement");
    assertThat(namesOf("#rows td.move")).as("moves are spoken").containsExactly("up 1", "down 1");
    assertThat(nameOf("#chart")).isEqualTo("Scores of the top 5 over the last minutes");
    assertThat(nameOf("#sign-out")).isEqualTo("Sign out");
    assertThat(nameOf("#you-around")).isEqualTo("Players around you");
    List<String> unnamed = new ArrayList<>();
    for (WebElement control :
        browser.driver.findElements(
            By.cssSelector("button, select, input, th, table, [role=img]"))) {
      if (control.isDisplayed() && control.getAccessibleName().isBlank()) {
        unnamed.add(control.getTagName() + "#" + control.getAttribute("id"));
      }
    }
    assertThat(unnamed).as("every shown control and header has a name").isEmpty();
  }

  @Test
  void lightAndDarkThemesFollowTheSystemAndKeepTheTextReadable() {
    String board = fixtures.defineBoard("page-19", "Themes", 10);
    fixtures.player("Nia").play(board, "REFER_FRIEND_COMPLETED");
    fixtures.player("Oz").play(board, "WIN_MATCH");
    fixtures.awaitTopOnGateway(board, 2);
    browser.preferColorScheme("light");
    browser.open(fixtures.page(board));
    await()
        .atMost(LIVE)
        .untilAsserted(
            () -> {
              assertThat(page.rows()).hasSize(2);
              assertThat(page.status()).containsEntry("state", "live");
            });

    List<Map<String, String>> light = shownColours();
    browser.screenshot(testName + "-light");
    browser.preferColorScheme("dark");
    List<Map<String, String>> dark = shownColours();

    assertThat(light).isNotEmpty();
    List<String> unreadable = new ArrayList<>();
    for (List<Map<String, String>> theme : List.of(light, dark)) {
      for (Map<String, String> sample : theme) {
        double contrast = contrast(sample.get("colour"), sample.get("background"));
        if (contrast < MIN_CONTRAST) {
          unreadable.add(
              String.format(
                  "%s: %s on %s, %.2f",
                  sample.get("what"), sample.get("colour"), sample.get("background"), contrast));
        }
      }
    }
    assertThat(unreadable).as("text below WCAG AA contrast").isEmpty();
    Map<String, String> lightBody = light.get(0);
    Map<String, String> darkBody = dark.get(0);
    assertThat(darkBody.get("background")).isNotEqualTo(lightBody.get("background"));
    assertThat(luminance(lightBody.get("background")))
        .as("light: dark text on a light page")
        .isGreaterThan(luminance(lightBody.get("colour")));
    assertThat(luminance(darkBody.get("background")))
        .as("dark: light text on a dark page")
        .isLessThan(luminance(darkBody.get("colour")));
  }

  @Test
  void reducedMotionIsHonoured() {
    String board = fixtures.defineBoard("page-9", "Calm", 10);
    Player ida = fixtures.player("Ida");
    Player jon = fixtures.player("Jon");
    ida.play(board, "REFER_FRIEND_COMPLETED");
    jon.play(board, "WIN_MATCH");
    fixtures.awaitTopOnGateway(board, 2);
    browser.preferReducedMotion();
    browser.open(fixtures.page(board));
    await().atMost(LIVE).until(() -> page.rows().size() == 2);
    assertThat(browser.script("return matchMedia('(prefers-reduced-motion: reduce)').matches"))
        .isEqualTo(true);
    page.countMotion();
    page.recordScoresOf(jon.id());

    jon.play(board, "REFER_FRIEND_COMPLETED"); // 70: past Ida

    // The row is in its new place and its score final at once: no slide, no count-up, no fade.
    await()
        .atMost(LIVE)
        .untilAsserted(() -> assertThat(page.rows()).containsExactly("1 Jon 70 ▲1", "2 Ida 50 ▼1"));
    assertThat(page.motionCount()).isZero();
    assertThat(browser.script("return document.getAnimations().length")).isEqualTo(0L);
    assertThat(page.recordedScores()).as("no count-up").containsOnly(70L);
  }

  private void press(CharSequence keys) {
    new Actions(browser.driver).sendKeys(keys).perform();
  }

  private String focused() {
    return browser.driver.switchTo().activeElement().getAttribute("id");
  }

  private void assertFocusVisible() {
    assertThat(
            browser.script(
                "var e = document.activeElement, s = getComputedStyle(e);"
                    + " return e.matches(':focus-visible') && s.outlineStyle !== 'none'"
                    + " && parseFloat(s.outlineWidth) >= 2;"))
        .as("a visible focus ring on %s", focused())
        .isEqualTo(true);
  }

  private String nameOf(String css) {
    return browser.driver.findElement(By.cssSelector(css)).getAccessibleName();
  }

  private List<String> namesOf(String css) {
    return browser.driver.findElements(By.cssSelector(css)).stream()
        .map(WebElement::getAccessibleName)
        .toList();
  }

  /**
   * The colour and the background behind it of the page (first) and of every shown element with
   * text of its own, as computed now.
   */
  @SuppressWarnings("unchecked")
  private List<Map<String, String>> shownColours() {
    return (List<Map<String, String>>)
        browser.script(
            "function behind(e) {"
                + "  for (; e; e = e.parentElement) {"
                + "    var c = getComputedStyle(e).backgroundColor;"
                + "    if (c !== 'transparent' && !/, 0\\)$/.test(c)) { return c; } }"
                + "  return 'rgb(255, 255, 255)'; }"
                + " var all = [document.body].concat(Array.from(document.querySelectorAll("
                + "   'h1 span, h2, label, caption, th, td, figcaption, .legend li, .status,"
                + "    .latency, .season-dates, #you-anonymous p, button, select')));"
                + " return all.filter(function (e) {"
                + "   return e === document.body"
                + "     || (e.getClientRects().length > 0 && e.textContent.trim() !== ''); })"
                + " .map(function (e) {"
                + "   return {what: e.tagName + '#' + e.id + '.' + e.className,"
                + "     colour: getComputedStyle(e).color, background: behind(e)}; });");
  }

  /** WCAG 2's contrast ratio of two opaque CSS colours. */
  private static double contrast(String colour, String background) {
    double a = luminance(colour);
    double b = luminance(background);
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  }

  /** WCAG 2's relative luminance of an {@code rgb(...)} colour. */
  private static double luminance(String colour) {
    Matcher m = RGB.matcher(colour);
    assertThat(m.matches()).as("a computed colour: %s", colour).isTrue();
    double[] linear = new double[3];
    for (int i = 0; i < 3; i++) {
      double c = Integer.parseInt(m.group(i + 1)) / 255.0;
      linear[i] = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2];
  }
}
