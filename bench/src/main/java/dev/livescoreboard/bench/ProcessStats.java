package dev.livescoreboard.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Memory and CPU of the processes behind a run over exactly the measured window: CPU time used
 * between {@link #begin()} and {@link #end()}, the highest memory sample (taken by {@link
 * #sample()} on a timer) and the last, and the machine's busy cores over the same span.
 * Thread-safe: begun, sampled and ended from one timer thread, read after {@link #end()}.
 */
final class ProcessStats {

  /**
   * What to account under one name.
   *
   * @param pids the processes
   * @param withDescendants whether their child processes count too (PostgreSQL's backends); memory
   *     is then the proportional set size, which counts shared memory once
   */
  record Watched(String name, List<Long> pids, boolean withDescendants) {

    static Watched process(String name, long pid) {
      return new Watched(name, List.of(pid), false);
    }

    static Watched tree(String name, long pid) {
      return new Watched(name, List.of(pid), true);
    }
  }

  /**
   * One name over the measured window.
   *
   * @param processes processes counted at the end
   * @param rssMaxKb highest sampled memory, KiB (resident set, or proportional set for trees)
   * @param rssEndKb memory at the end, KiB
   * @param cpuShare CPU time used / wall time (1.0 = one core busy)
   * @param proportional whether memory is the proportional set size summed over a process tree
   */
  record Usage(
      String name,
      List<Long> pids,
      int processes,
      long rssMaxKb,
      long rssEndKb,
      double cpuShare,
      boolean proportional) {}

  /**
   * The whole machine over the window.
   *
   * @param busyCores busy CPU time of all processes (anyone's) / wall time
   * @param cores cores of the machine
   */
  record MachineCpu(double busyCores, int cores) {}

  /** What {@link #end()} returns. */
  record Result(Map<String, Usage> processes, MachineCpu machine) {}

  private final List<Watched> watched;
  private final Map<String, Long> memMax = new ConcurrentHashMap<>();
  private final Map<String, Long> cpuAtBegin = new ConcurrentHashMap<>();
  private volatile long[] machineAtBegin = {0, 0};
  private volatile long beganNanos;

  ProcessStats(List<Watched> watched) {
    this.watched = List.copyOf(watched);
  }

  void begin() {
    beganNanos = System.nanoTime();
    machineAtBegin = ProcFs.machineTicks();
    watched.forEach(w -> cpuAtBegin.put(w.name(), cpuTicks(w)));
    sample();
  }

  void sample() {
    watched.forEach(w -> memMax.merge(w.name(), memoryKb(w), Math::max));
  }

  Result end() {
    sample();
    long[] machineAtEnd = ProcFs.machineTicks();
    double wall = (System.nanoTime() - beganNanos) / 1e9;
    Map<String, Usage> usage = new LinkedHashMap<>();
    for (Watched w : watched) {
      long ticks = cpuTicks(w) - cpuAtBegin.getOrDefault(w.name(), 0L);
      usage.put(
          w.name(),
          new Usage(
              w.name(),
              w.pids(),
              (int) processes(w).count(),
              memMax.getOrDefault(w.name(), 0L),
              memoryKb(w),
              Math.max(0, ticks) / ProcFs.TICKS_PER_SECOND / wall,
              w.withDescendants()));
    }
    double busy = (machineAtEnd[0] - machineAtBegin[0]) / ProcFs.TICKS_PER_SECOND / wall;
    return new Result(usage, new MachineCpu(busy, Runtime.getRuntime().availableProcessors()));
  }

  private static long cpuTicks(Watched w) {
    return processes(w).mapToLong(pid -> ProcFs.cpuTicks(pid, w.withDescendants())).sum();
  }

  private static long memoryKb(Watched w) {
    return processes(w)
        .mapToLong(pid -> w.withDescendants() ? ProcFs.pssKb(pid) : ProcFs.rssKb(pid))
        .sum();
  }

  /** The live processes of {@code w}: its pids, and with descendants their whole trees. */
  private static Stream<Long> processes(Watched w) {
    List<Long> all = new ArrayList<>();
    for (long pid : w.pids()) {
      ProcessHandle.of(pid)
          .ifPresent(
              p -> {
                all.add(pid);
                if (w.withDescendants()) {
                  p.descendants().forEach(d -> all.add(d.pid()));
                }
              });
    }
    return all.stream();
  }
}
