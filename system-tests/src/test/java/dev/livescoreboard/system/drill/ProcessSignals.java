package dev.livescoreboard.system.drill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Signals to a server process and its children, as an operating system or an operator sends them:
 * {@code SIGSTOP} makes a server hang (it keeps its connections open and its kernel keeps accepting
 * new ones, but nothing answers), {@code SIGCONT} lets it go on, {@code SIGKILL} crashes it. The
 * JDK can only send SIGTERM and SIGKILL to its own children, so this runs {@code kill(1)} (POSIX).
 */
final class ProcessSignals {

  private ProcessSignals() {}

  /**
   * {@code pid} and every process below it (PostgreSQL's backends are the postmaster's children).
   */
  static List<Long> tree(long pid) {
    List<Long> pids = new ArrayList<>(List.of(pid));
    ProcessHandle.of(pid)
        .map(ProcessHandle::descendants)
        .orElseGet(Stream::empty)
        .forEach(child -> pids.add(child.pid()));
    return pids;
  }

  static void stop(List<Long> pids) {
    send("STOP", pids);
  }

  static void resume(List<Long> pids) {
    send("CONT", pids);
  }

  static void kill(List<Long> pids) {
    send("KILL", pids);
  }

  private static void send(String signal, List<Long> pids) {
    List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
    pids.forEach(pid -> command.add(Long.toString(pid)));
    try {
      Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
      if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
        String output = new String(kill.getInputStream().readAllBytes());
        throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
