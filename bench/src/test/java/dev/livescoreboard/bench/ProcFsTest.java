package dev.livescoreboard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProcFsTest {

  @Test
  void cpuTicksAreUserPlusSystemTimeAndOptionallyTheReapedChildren() {
    // Field 2 may contain spaces and parentheses; utime..cstime are fields 14..17.
    String stat =
        "4242 (post gres: (x)) S 1 4242 4242 0 -1 4194560 100 0 0 0 700 300 50 25 20 0 1 0 5 6 7";

    assertThat(ProcFs.parseCpuTicks(stat, false)).isEqualTo(1000);
    assertThat(ProcFs.parseCpuTicks(stat, true)).isEqualTo(1075);
  }

  @Test
  void machineTicksCountEverythingButIdleAndIowaitAsBusy() {
    long[] ticks = ProcFs.parseMachineTicks("cpu  100 10 50 1000 40 5 5 2 30 0");

    assertThat(ticks[0]).isEqualTo(100 + 10 + 50 + 5 + 5 + 2);
    assertThat(ticks[1]).isEqualTo(100 + 10 + 50 + 1000 + 40 + 5 + 5 + 2);
  }

  @Test
  void memoryFieldsAreReadInKib() {
    assertThat(ProcFs.parseVmRss(List.of("Name:\tjava", "VmRSS:\t  123456 kB", "Threads: 9")))
        .isEqualTo(123456);
    assertThat(ProcFs.parseVmRss(List.of("Name:\tgone"))).isZero();
    assertThat(ProcFs.parseKb(List.of("Rss:  900 kB", "Pss:  300 kB"), "Pss:")).isEqualTo(300);
  }

  @Test
  void thisJvmHasUsedCpuAndMemory() {
    long self = ProcessHandle.current().pid();

    assertThat(ProcFs.cpuTicks(self, false)).isPositive();
    assertThat(ProcFs.rssKb(self)).isPositive();
    assertThat(ProcFs.cpuTicks(Long.MAX_VALUE, false)).as("a process that does not exist").isZero();
  }
}
