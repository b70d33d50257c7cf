package dev.livescoreboard.bench.report;

import java.util.regex.Pattern;

/**
 * Merges one run's section into {@code docs/benchmarks.md}: a section is delimited by {@code <!--
 * bench-run: label -->} markers; the same label replaces the earlier section, a new label is
 * appended at the end of the file, under the {@value #RUNS} heading (added first if the file has
 * none), and everything else in the file (the hand-written summary above it) is kept as it is.
 */
final class BenchmarksFile {

  /** The heading the run sections sit under; the last heading of its level in the file. */
  static final String RUNS = "## Runs";

  private static final Pattern RUNS_LINE = Pattern.compile("(?m)^" + RUNS + "\\s*$");

  private BenchmarksFile() {}

  static String begin(String label) {
    return "<!-- bench-run: " + label + " -->";
  }

  static String end(String label) {
    return "<!-- /bench-run: " + label + " -->";
  }

  /**
   * @param existing the file's current text, or {@code null} when it does not exist
   * @param header the text a new file starts with, ending with the {@value #RUNS} heading
   * @param section the run's section, without markers
   */
  static String merge(String existing, String header, String label, String section) {
    String block = begin(label) + "\n" + section.strip() + "\n" + end(label) + "\n";
    if (existing == null || existing.isBlank()) {
      return header.strip() + "\n\n" + block;
    }
    int from = existing.indexOf(begin(label));
    int to = existing.indexOf(end(label));
    if (from >= 0 && to > from) {
      int after = to + end(label).length();
      if (after < existing.length() && existing.charAt(after) == '\n') {
        after++;
      }
      return existing.substring(0, from) + block + existing.substring(after);
    }
    String runs = RUNS_LINE.matcher(existing).find() ? "" : "\n\n" + RUNS;
    return existing.stripTrailing() + runs + "\n\n" + block;
  }
}
