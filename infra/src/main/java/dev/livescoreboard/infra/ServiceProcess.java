package dev.livescoreboard.infra;

import dev.livescoreboard.infra.servers.ChildProcess;
import dev.livescoreboard.infra.servers.ServiceJava;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service running as its own JVM, started from its built jar with its configuration in
 * environment variables (as in production), output in a log file.
 */
public final class ServiceProcess implements AutoCloseable {

  /**
   * A Spring Boot service starts in 10-20 s on an idle machine, but on a shared two-core machine
   * running several builds at once command-api was measured at 125 s (load average 25); a stack
   * that is merely slow must not fail the tests that wait for it.
   */
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(300);

  private static final Duration STOP_GRACE = Duration.ofSeconds(20);

  private final ChildProcess child;

  private ServiceProcess(ChildProcess child) {
    this.child = child;
  }

  /**
   * Starts {@code jar} on {@code java}, with its runtime options first.
   *
   * @param jvmOptions heap and GC settings of the service
   * @param env the service's configuration
   */
  static ServiceProcess start(
      String name,
      ServiceJava java,
      Path jar,
      List<String> jvmOptions,
      Map<String, String> env,
      Path logDir) {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar + " is missing: build first with ./mvnw -q -DskipTests package");
    }
    List<String> command = new ArrayList<>(List.of(java.executable().toString()));
    command.addAll(java.runtimeOptions());
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar.toString()));
    return new ServiceProcess(
        ChildProcess.start(name, command, env, logDir.resolve(name + ".log"), false));
  }

  /** Waits until {@code healthUrl} answers 200, failing early if the process dies. */
  void awaitHealthy(String healthUrl) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(healthUrl)).timeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!child.isAlive()) {
        throw new IllegalStateException(name() + " exited during startup; see " + log());
      }
      try {
        if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // Not listening yet.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      pause();
    }
    throw new IllegalStateException(
        name() + " not healthy after " + STARTUP_TIMEOUT + "; see " + log());
  }

  private static void pause() {
    try {
      TimeUnit.MILLISECONDS.sleep(250);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public String name() {
    return child.name();
  }

  /** The operating-system process id, e.g. to read its memory and CPU use. */
  public long pid() {
    return child.pid();
  }

  public Path log() {
    return child.log();
  }

  public boolean isAlive() {
    return child.isAlive();
  }

  /** Kills the process at once, as a crash would (for fault drills). */
  public void kill() {
    child.kill();
  }

  /** Asks the service to stop (SIGTERM, graceful shutdown), then kills it if it lingers. */
  @Override
  public void close() {
    child.stop(child.process()::destroy, STOP_GRACE);
  }
}
