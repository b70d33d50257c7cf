package dev.livescoreboard.bench.metrics;

import java.util.Optional;

/**
 * Plain samples (counters, gauges) of a Prometheus text exposition: the value of one metric summed
 * over every series whose labels contain a given fragment, so {@code jvm_memory_used_bytes} with
 * {@code area="heap"} sums the heap pools and a per-board counter sums the boards.
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
      String labels = labels(line, metric);
      if (labels != null && labels.contains(labelFragment)) {
        sum += value(line);
        found = true;
      }
    }
    return found ? Optional.of(sum) : Optional.empty();
  }

  /**
   * The label text of {@code line} if it is a sample of exactly {@code metric} ({@code ""} without
   * labels), else {@code null}: a comment, another metric, or a longer name with the same prefix.
   */
  static String labels(String line, String metric) {
    if (!line.startsWith(metric)) {
      return null;
    }
    String rest = line.substring(metric.length());
    if (rest.startsWith("{")) {
      return rest.substring(1, rest.lastIndexOf('}'));
    }
    return rest.startsWith(" ") ? "" : null;
  }

  /**
   * The sample value of {@code line}: the first token after the labels (a timestamp may follow).
   */
  static double value(String line) {
    int labelsEnd = line.lastIndexOf('}');
    String rest =
        (labelsEnd >= 0 ? line.substring(labelsEnd + 1) : line.substring(line.indexOf(' '))).trim();
    String token = rest.split("\\s+")[0];
    return switch (token) {
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(token);
    };
  }
}
