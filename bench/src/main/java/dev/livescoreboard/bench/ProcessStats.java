package dev.livescoreboard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Memory and CPU of the service processes: resident set size ({@code VmRSS} of
 * {@code /proc/<pid>/status}, highest sample and last sample) and CPU time used between
 * {@link #begin()} and {@link #end()}. Thread-safe: sampled from a timer, read at the end.
 */
final class ProcessStats {

  /**
   * One process over the measured window.
   *
   * @param rssMaxKb highest sampled resident set, KiB
   * @param rssEndKb resident set at the end, KiB
   * @param cpuShare CPU time used / wall time (1.0 = one core busy)
   */
  record Usage(String name, long pid, long rssMaxKb, long rssEndKb, double cpuShare) {}

  private final Map<String, Long> pids;
  private final Map<String, Long> rssMax = new ConcurrentHashMap<>();
  private final Map<String, Duration> cpuAtBegin = new ConcurrentHashMap<>();
  private long beganNanos;

  ProcessStats(Map<String, Long> pids) {
    this.pids = pids;
  }

  void begin() {
    beganNanos = System.nanoTime();
    pids.forEach((name, pid) -> cpuAtBegin.put(name, cpu(pid)));
    sample();
  }

  void sample() {
    pids.forEach((name, pid) -> rssMax.merge(name, rssKb(pid), Math::max));
  }

  Map<String, Usage> end() {
    sample();
    double wall = (System.nanoTime() - beganNanos) / 1e9;
    Map<String, Usage> usage = new LinkedHashMap<>();
    pids.forEach(
        (name, pid) -> {
          Duration used = cpu(pid).minus(cpuAtBegin.getOrDefault(name, Duration.ZERO));
          usage.put(
              name,
              new Usage(name, pid, rssMax.getOrDefault(name, 0L), rssKb(pid), used.toNanos() / 1e9 / wall));
        });
    return usage;
  }

  /** {@code VmRSS} in KiB, or 0 when the process is gone or this is not Linux. */
  static long rssKb(long pid) {
    try {
      return parseVmRss(Files.readAllLines(Path.of("/proc/" + pid + "/status")));
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  static long parseVmRss(Iterable<String> statusLines) {
    for (String line : statusLines) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", ""));
      }
    }
    return 0;
  }

  private static Duration cpu(long pid) {
    return ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration()).orElse(Duration.ZERO);
  }
}
