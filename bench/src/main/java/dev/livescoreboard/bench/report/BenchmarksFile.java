package dev.livescoreboard.bench.report;

/**
 * Merges one run's section into {@code docs/benchmarks.md}: a section is delimited by {@code <!--
 * bench-run: label -->} markers; the same label replaces the earlier section, a new label is
 * appended, and everything else in the file (hand-written notes) is kept as it is.
 */
final class BenchmarksFile {

  private BenchmarksFile() {}

  static String begin(String label) {
    return "<!-- bench-run: " + label + " -->";
  }

  static String end(String label) {
    return "<!-- /bench-run: " + label + " -->";
  }

  /**
   * @param existing the file's current text, or {@code null} when it does not exist
   * @param header the text a new file starts with
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
    return existing.stripTrailing() + "\n\n" + block;
  }
}
