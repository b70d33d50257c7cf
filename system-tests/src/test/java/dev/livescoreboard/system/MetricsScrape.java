package dev.livescoreboard.system;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Series parsed from Prometheus text exposition: metric name -> the label sets it has, and the sum
 * of its samples.
 */
public final class MetricsScrape {

  private static final Pattern LABEL =
      Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  private final Map<String, List<Map<String, String>>> series = new HashMap<>();
  private final Map<String, Double> sums = new HashMap<>();

  /** Adds every sample line of {@code text}. */
  public MetricsScrape add(String text) {
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int brace = line.indexOf('{');
      int space = line.indexOf(' ');
      boolean labelled = brace >= 0 && (space < 0 || brace < space);
      String name = line.substring(0, labelled ? brace : space);
      Map<String, String> labels = new LinkedHashMap<>();
      if (labelled) {
        Matcher m = LABEL.matcher(line.substring(brace, line.lastIndexOf('}')));
        while (m.find()) {
          labels.put(m.group(1), m.group(2));
        }
      }
      series.computeIfAbsent(name, n -> new ArrayList<>()).add(labels);
      String rest = line.substring(labelled ? line.lastIndexOf('}') + 1 : space).trim();
      try {
        sums.merge(name, Double.parseDouble(rest.split("\\s+")[0]), Double::sum);
      } catch (NumberFormatException e) {
        // +Inf / -Inf samples: nothing to add up.
      }
    }
    return this;
  }

  /** The sum of every sample of {@code metric} (all label sets), 0 when there is none. */
  public double sum(String metric) {
    return sums.getOrDefault(metric, 0.0);
  }

  /** Whether some series of {@code selector}'s metric has all of its label values. */
  boolean has(DeployFiles.Selector selector) {
    return series.getOrDefault(selector.metric(), List.of()).stream()
        .anyMatch(labels -> labels.entrySet().containsAll(selector.labels().entrySet()));
  }
}
