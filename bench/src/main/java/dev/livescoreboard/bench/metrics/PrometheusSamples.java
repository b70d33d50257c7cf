package dev.livescoreboard.bench.metrics;

import java.util.Optional;

/**
 * Plain samples (counters, gauges) of a Prometheus text exposition: the value of one metric
 * summed over every series whose labels contain a given fragment, so {@code
 * jvm_memory_used_bytes} with {@code area="heap"} sums the heap pools and a per-board counter sums
 * the boards.
 */
public final class PrometheusSamples {

  private PrometheusSamples() {}

  /**
   * The sum of {@code metric}'s samples whose label text contains {@code labelFragment} (empty
   * matches every series); empty when no such sample exists.
   */
  public static Optional<Double> sum(String exposition, String metric, String labelFragment) {
    double sum = 0;
    boolean found = false;
    for (String line : exposition.split("\n")) {
      if (line.startsWith("#") || !line.startsWith(metric)) {
        continue;
      }
      String rest = line.substring(metric.length());
      String labels;
      String value;
      if (rest.startsWith("{")) {
        int end = rest.lastIndexOf('}');
        labels = rest.substring(1, end);
        value = rest.substring(end + 1);
      } else if (rest.startsWith(" ")) {
        // Same prefix but a longer name (e.g. metric_created) never gets here: no space or brace.
        labels = "";
        value = rest;
      } else {
        continue;
      }
      if (!labels.contains(labelFragment)) {
        continue;
      }
      sum += Double.parseDouble(value.trim().split("\\s+")[0]);
      found = true;
    }
    return found ? Optional.of(sum) : Optional.empty();
  }
}
