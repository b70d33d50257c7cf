package dev.livescoreboard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CPU time and memory of processes and of the whole machine, read from Linux's {@code /proc}.
 * Anything unreadable (the process is gone, not Linux) reads as 0.
 */
final class ProcFs {

  /**
   * Clock ticks per second of {@code /proc} CPU times: Linux fixes USER_HZ at 100 for user space on
   * every architecture the bench runs on.
   */
  static final double TICKS_PER_SECOND = 100;

  private ProcFs() {}

  /**
   * CPU ticks of {@code pid} from {@code /proc/<pid>/stat}: its own user + system time and, with
   * {@code reapedChildren}, also that of its children that have exited and been waited for.
   */
  static long cpuTicks(long pid, boolean reapedChildren) {
    try {
      return parseCpuTicks(Files.readString(Path.of("/proc/" + pid + "/stat")), reapedChildren);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  static long parseCpuTicks(String stat, boolean reapedChildren) {
    // The command name (field 2) may hold spaces and parentheses; fields after it are plain.
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
    // f[0] is field 3 (state): utime, stime, cutime, cstime are fields 14..17.
    long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
    return reapedChildren ? ticks + Long.parseLong(f[13]) + Long.parseLong(f[14]) : ticks;
  }

  /** {@code VmRSS} in KiB. */
  static long rssKb(long pid) {
    return statusField(Path.of("/proc/" + pid + "/status"), "VmRSS:");
  }

  /**
   * Proportional set size in KiB: shared pages divided among the processes sharing them, so the sum
   * over PostgreSQL's processes counts its shared buffers once.
   */
  static long pssKb(long pid) {
    return statusField(Path.of("/proc/" + pid + "/smaps_rollup"), "Pss:");
  }

  private static long statusField(Path file, String field) {
    try {
      return parseKb(Files.readAllLines(file), field);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  static long parseKb(Iterable<String> lines, String field) {
    for (String line : lines) {
      if (line.startsWith(field)) {
        return Long.parseLong(line.replaceAll("\\D", ""));
      }
    }
    return 0;
  }

  /** {@code VmRSS} in KiB out of {@code /proc/<pid>/status} lines. */
  static long parseVmRss(Iterable<String> statusLines) {
    return parseKb(statusLines, "VmRSS:");
  }

  /** Machine-wide {@code {busy, total}} ticks summed over all cores ({@code /proc/stat}). */
  static long[] machineTicks() {
    try {
      return parseMachineTicks(Files.readAllLines(Path.of("/proc/stat")).get(0));
    } catch (IOException | RuntimeException e) {
      return new long[] {0, 0};
    }
  }

  static long[] parseMachineTicks(String cpuLine) {
    List<String> f = List.of(cpuLine.trim().split("\\s+"));
    // cpu user nice system idle iowait irq softirq steal [guest guest_nice, already in user/nice]
    long busy = 0;
    long total = 0;
    for (int i = 1; i <= Math.min(8, f.size() - 1); i++) {
      long v = Long.parseLong(f.get(i));
      total += v;
      if (i != 4 && i != 5) {
        busy += v;
      }
    }
    return new long[] {busy, total};
  }
}
