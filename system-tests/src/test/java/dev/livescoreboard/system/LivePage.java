package dev.livescoreboard.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;

/**
 * The live page in a {@link Browser} as a viewer reads it: the table, the status chip, the "You"
 * panel, the toasts. The observers here are the test's own scripts; the page is never asked to
 * report on itself.
 */
final class LivePage {

  private final Browser browser;

  LivePage(Browser browser) {
    this.browser = browser;
  }

  /** The table: "rank name score [move]" per row, leaving rows left out. */
  List<String> rows() {
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

  WebElement row(String userId) {
    return browser.driver.findElement(By.cssSelector("#rows tr[data-user='" + userId + "']"));
  }

  /** The visible text of the element with {@code id}. */
  String text(String id) {
    return browser.driver.findElement(By.id(id)).getText();
  }

  List<String> toasts() {
    return browser.driver.findElements(By.cssSelector("#toasts .toast")).stream()
        .map(WebElement::getText)
        .toList();
  }

  /** The status chip: its {@code state}, its {@code transport} and its {@code text}. */
  @SuppressWarnings("unchecked")
  Map<String, String> status() {
    return (Map<String, String>)
        browser.script(
            "var s = document.getElementById('status');"
                + " return {state: s.dataset.state, transport: s.dataset.transport || '',"
                + " text: s.textContent};");
  }

  /** Asserts that the page is live over {@code transport}: websocket, sse or polling. */
  void assertLiveOver(String transport) {
    assertThat(status()).containsEntry("state", "live").containsEntry("transport", transport);
  }

  /** Signs in as {@code userId} through the local stack's "play as" box. */
  void playAs(String userId) {
    browser.driver.findElement(By.id("play-as-id")).sendKeys(userId);
    browser.driver.findElement(By.cssSelector("#play-as button")).click();
  }

  /** The access token the page keeps for this tab, null when signed out. */
  String storedToken() {
    return (String) browser.script("return sessionStorage.getItem('scoreboard.token')");
  }

  /**
   * From the next page load on, records every text the status chip shows, as {@code "state|text"}:
   * call before {@link Browser#open}, read with {@link #statusHistory()}.
   */
  void recordStatusFromTheStart() {
    browser.beforeEveryPage(
        "window.__status = [];"
            + " document.addEventListener('DOMContentLoaded', function () {"
            + "   var chip = document.getElementById('status');"
            + "   new MutationObserver(function () {"
            + "     window.__status.push(chip.dataset.state + '|' + chip.textContent); })"
            + "   .observe(chip, {attributes: true, childList: true, characterData: true,"
            + "     subtree: true}); });");
  }

  /** What {@link #recordStatusFromTheStart()} recorded on the current page, in order. */
  @SuppressWarnings("unchecked")
  List<String> statusHistory() {
    return (List<String>) browser.script("return window.__status || [];");
  }

  /** Starts counting CSS transitions and animations that start. */
  void countMotion() {
    browser.script(
        "window.__motion = 0;"
            + " ['transitionrun', 'animationstart'].forEach(function (type) {"
            + "   document.addEventListener(type, function () { window.__motion++; }, true); });");
  }

  long motionCount() {
    return (Long) browser.script("return window.__motion;");
  }

  /** Starts recording every text {@code userId}'s score cell shows. */
  void recordScoresOf(String userId) {
    browser.script(
        "var cell = arguments[0].querySelector('td.score');"
            + " window.__scores = [];"
            + " new MutationObserver(function () { window.__scores.push(cell.textContent); })"
            + "   .observe(cell, {childList: true, characterData: true, subtree: true});",
        row(userId));
  }

  /** The score texts recorded since {@link #recordScoresOf}, as numbers. */
  @SuppressWarnings("unchecked")
  List<Long> recordedScores() {
    return ((List<String>) browser.script("return window.__scores;"))
        .stream().map(Long::valueOf).toList();
  }

  /** Starts recording the classes each table row is given, as {@code "userId class..."}. */
  void recordRowClasses() {
    browser.script(
        "window.__rowClasses = [];"
            + " new MutationObserver(function (mutations) {"
            + "   mutations.forEach(function (m) {"
            + "     var rows = m.type === 'childList' ? Array.from(m.addedNodes) : [m.target];"
            + "     rows.forEach(function (r) {"
            + "       if (r.dataset && r.dataset.user) {"
            + "         window.__rowClasses.push(r.dataset.user + ' ' + r.className); } }); }); })"
            + " .observe(document.getElementById('rows'),"
            + "   {childList: true, attributes: true, attributeFilter: ['class'], subtree: true});");
  }

  @SuppressWarnings("unchecked")
  List<String> recordedRowClasses() {
    return (List<String>) browser.script("return window.__rowClasses;");
  }

  /** One line of the chart: its title ("name: score") and the height of each point, top 0. */
  record ChartLine(String title, List<Double> heights) {}

  @SuppressWarnings("unchecked")
  List<ChartLine> chartLines() {
    List<Map<String, Object>> lines =
        (List<Map<String, Object>>)
            browser.script(
                "return Array.from(document.querySelectorAll('#chart polyline')).map(function (l) {"
                    + " return {title: l.querySelector('title').textContent,"
                    + " heights: l.getAttribute('points').trim().split(' ')"
                    + "   .map(function (p) { return Number(p.split(',')[1]); })}; });");
    return lines.stream()
        .map(
            line ->
                new ChartLine(
                    (String) line.get("title"),
                    ((List<Number>) line.get("heights"))
                        .stream().map(Number::doubleValue).toList()))
        .toList();
  }

  /** The chart's legend, one "name score" per line. */
  List<String> chartLegend() {
    return browser.driver.findElements(By.cssSelector("#chart-legend li")).stream()
        .map(WebElement::getText)
        .toList();
  }

  boolean alertShown() {
    try {
      browser.driver.switchTo().alert();
      return true;
    } catch (NoAlertPresentException e) {
      return false;
    }
  }
}
