package dev.livescoreboard.bench.http;

import java.time.Duration;

/**
 * How an action's answers are judged, each from its own intended send time.
 *
 * @param good an action is good (goodput) when its start and its complete both answered 2xx within
 *     this
 * @param timeout an answer later than this, or none, counts as timed out whatever its status; the
 *     HTTP client gives up after the same time
 */
public record ActionSlo(Duration good, Duration timeout) {

  public ActionSlo {
    if (good.compareTo(timeout) > 0) {
      throw new IllegalArgumentException("the SLO must not exceed the timeout");
    }
  }
}
