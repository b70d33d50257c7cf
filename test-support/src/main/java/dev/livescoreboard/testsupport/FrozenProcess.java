package dev.livescoreboard.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A server process made to hang the way SPEC §10 means it: {@code SIGSTOP} keeps its listening
 * socket and its established connections open (the kernel still completes handshakes and buffers
 * what clients send), but nothing is answered until {@code SIGCONT}. The process's descendants are
 * stopped too (PostgreSQL's backends are children of the postmaster; the postmaster is stopped
 * first, so it cannot start a new one in between). {@link #close()} resumes them all, so a
 * try-with-resources block never leaves a server frozen when an assertion fails.
 *
 * <p>Only for servers the test started itself, never the shared per-JVM fixtures.
 */
public final class FrozenProcess implements AutoCloseable {

  private final List<Long> pids;
  private boolean resumed;

  private FrozenProcess(List<Long> pids) {
    this.pids = pids;
  }

  /** Stops process {@code pid} and every process below it. */
  public static FrozenProcess freeze(long pid) {
    ProcessHandle root =
        ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no process " + pid));
    signal("STOP", List.of(pid), true);
    List<Long> pids = new ArrayList<>(List.of(pid));
    root.descendants().map(ProcessHandle::pid).forEach(pids::add);
    // A child may have exited since it was listed: nothing left to stop then.
    signal("STOP", pids.subList(1, pids.size()), false);
    return new FrozenProcess(List.copyOf(pids));
  }

  /** Lets the processes run again; does nothing the second time. */
  public synchronized void resume() {
    if (!resumed) {
      resumed = true;
      signal("CONT", pids.subList(1, pids.size()), false);
      signal("CONT", pids.subList(0, 1), true);
    }
  }

  @Override
  public void close() {
    resume();
  }

  /** Sends signal {@code name} to {@code pids}; {@code strict}: a failure to deliver throws. */
  private static void signal(String name, List<Long> pids, boolean strict) {
    if (pids.isEmpty()) {
      return;
    }
    List<String> command = new ArrayList<>(List.of("kill", "-" + name));
    pids.forEach(pid -> command.add(Long.toString(pid)));
    try {
      Process kill =
          new ProcessBuilder(command)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (kill.waitFor() != 0 && strict) {
        throw new IllegalStateException(String.join(" ", command) + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
