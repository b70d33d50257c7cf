package dev.livescoreboard.infra.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A child process of this JVM with its output in a log file: started, asked to stop and killed if
 * it lingers, or killed at once as a crash would. The one way the stack starts and stops its JVMs
 * (the services, the Kafka broker).
 */
public final class ChildProcess {

  /** How long a killed process may take to be gone. */
  private static final Duration KILL_WAIT = Duration.ofSeconds(10);

  private final String name;
  private final Process process;
  private final Path log;

  private ChildProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /**
   * Starts {@code command}.
   *
   * @param env added to this JVM's environment
   * @param log receives stderr, and stdout too unless {@code pipeStdout}; appended to, so the log
   *     of a process restarted in place still holds what its predecessor wrote before it died
   * @param pipeStdout keep stdout as a pipe the caller reads ({@link #process()})
   */
  public static ChildProcess start(
      String name, List<String> command, Map<String, String> env, Path log, boolean pipeStdout) {
    try {
      Files.createDirectories(log.toAbsolutePath().getParent());
      ProcessBuilder builder = new ProcessBuilder(command);
      ProcessBuilder.Redirect appended = ProcessBuilder.Redirect.appendTo(log.toFile());
      if (pipeStdout) {
        builder.redirectError(appended);
      } else {
        builder.redirectErrorStream(true).redirectOutput(appended);
      }
      builder.environment().putAll(env);
      return new ChildProcess(name, builder.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + name, e);
    }
  }

  public String name() {
    return name;
  }

  /** The process itself, for its pipes and exit code. */
  public Process process() {
    return process;
  }

  /** The operating-system process id, e.g. to read its memory and CPU use. */
  public long pid() {
    return process.pid();
  }

  public Path log() {
    return log;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /**
   * Asks the process to stop ({@code ask}, e.g. SIGTERM or closing its stdin), waits up to {@code
   * grace} for it to exit, then kills it.
   */
  public void stop(Runnable ask, Duration grace) {
    ask.run();
    if (!waitFor(grace)) {
      kill();
    }
  }

  /** Kills the process at once, as a crash would, and waits (bounded) until it is gone. */
  public void kill() {
    process.destroyForcibly();
    waitFor(KILL_WAIT);
  }

  /** Whether it exited within {@code timeout}; {@code false} also when interrupted (flag kept). */
  private boolean waitFor(Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
