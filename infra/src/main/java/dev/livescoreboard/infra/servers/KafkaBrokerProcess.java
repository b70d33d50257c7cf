package dev.livescoreboard.infra.servers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The embedded KRaft broker in a child JVM ({@link KafkaBrokerMain}) on the {@link ServiceJava}, so
 * its CPU and memory are its own and not the launcher's. The child lives exactly as long as this
 * handle: {@link #close()} ends its stdin and it shuts down cleanly; if this JVM dies first, the
 * pipe breaks and the child stops the same way. Its log goes to a file.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

  /** The broker's JVM: a small heap is plenty for one node on loopback; G1 as Kafka ships it. */
  static final List<String> JVM_OPTIONS =
      List.of(
          "-Xms384m",
          "-Xmx384m",
          "-XX:MaxGCPauseMillis=20",
          "-XX:+ExitOnOutOfMemoryError",
          "-Djava.awt.headless=true",
          "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");

  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration STOP_GRACE = Duration.ofSeconds(30);

  private final ChildProcess child;
  private final String bootstrapServers;

  private KafkaBrokerProcess(ChildProcess child, String bootstrapServers) {
    this.child = child;
    this.bootstrapServers = bootstrapServers;
  }

  /**
   * Starts the broker JVM and waits until it accepts clients.
   *
   * @param logDir the broker's data directory (formatted on first start, kept afterwards)
   * @param port the client port, or 0 for any free port
   * @param partitions default partition count of auto-created topics
   * @param log the file receiving the child's output
   */
  public static KafkaBrokerProcess start(Path logDir, int port, int partitions, Path log) {
    return start(logDir, port, port == 0 ? 0 : port + 1, partitions, log);
  }

  /**
   * Starts the broker JVM with its controller on {@code controllerPort} (0: any free port), e.g. to
   * restart it in place on both ports it had.
   */
  public static KafkaBrokerProcess start(
      Path logDir, int port, int controllerPort, int partitions, Path log) {
    List<String> command =
        JavaMainCommand.on(
            ServiceJava.detect(),
            KafkaBrokerMain.class.getName(),
            JVM_OPTIONS,
            List.of(
                "--port=" + port,
                "--controller-port=" + controllerPort,
                "--log-dir=" + logDir.toAbsolutePath(),
                "--partitions=" + partitions));
    ChildProcess child = ChildProcess.start("the Kafka broker JVM", command, Map.of(), log, true);
    CompletableFuture<String> ready = new CompletableFuture<>();
    Thread reader = new Thread(() -> readStdout(child.process(), ready), "kafka-broker-stdout");
    reader.setDaemon(true);
    reader.start();
    try {
      String bootstrap = ready.get(STARTUP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      return new KafkaBrokerProcess(child, bootstrap);
    } catch (ExecutionException | TimeoutException e) {
      child.kill();
      throw new IllegalStateException("the Kafka broker JVM did not become ready; see " + log, e);
    } catch (InterruptedException e) {
      child.kill();
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Completes {@code ready} with the bootstrap address, then keeps the pipe drained. */
  private static void readStdout(Process process, CompletableFuture<String> ready) {
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.startsWith("READY ")) {
          ready.complete(line.substring(6).trim());
        }
      }
    } catch (IOException e) {
      // The process ended; the check below reports it if it never got ready.
    }
    ready.completeExceptionally(new IllegalStateException("exited before it was ready"));
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** The broker JVM's operating-system process id, e.g. to read its memory and CPU use. */
  public long pid() {
    return child.pid();
  }

  public Path log() {
    return child.log();
  }

  /** Ends the child's stdin (it shuts the broker down and exits), killing it if it lingers. */
  @Override
  public void close() {
    child.stop(this::endStdin, STOP_GRACE);
  }

  private void endStdin() {
    try {
      child.process().getOutputStream().close();
    } catch (IOException e) {
      // Already gone: the wait for it returns at once.
    }
  }

  /** The child's exit code once it has stopped (for tests). */
  int exitValue() {
    return child.process().exitValue();
  }
}
