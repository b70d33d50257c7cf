package dev.livescoreboard.infra;

import dev.livescoreboard.infra.servers.ServiceJava;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The services of a stack, each instance a JVM of its own named {@code command-api}, {@code
 * command-api-2}, …, and how each was started, so that it can be killed and started again the same
 * way on the same port. Closing stops them newest first.
 */
final class ServiceFleet implements AutoCloseable {

  /** How an instance was started. */
  private record Launch(String module, List<String> heap, Map<String, String> env, String health) {}

  private final Path home;
  private final ServiceJava java;
  private final Path logDir;
  private final Deque<ServiceProcess> running = new ArrayDeque<>();
  private final Map<String, ServiceProcess> byName = new HashMap<>();
  private final Map<String, Launch> launches = new HashMap<>();

  /**
   * @param home where the modules' jars are built ({@code <module>/target/<module>.jar})
   * @param java the Java every instance runs on
   */
  ServiceFleet(Path home, ServiceJava java, Path logDir) {
    this.home = home;
    this.java = java;
    this.logDir = logDir;
  }

  /** The name of instance {@code i} (from 1) of {@code module}: the module's name for the first. */
  static String instanceName(String module, int i) {
    return i == 1 ? module : module + "-" + i;
  }

  /** Starts instance {@code name} of {@code module}; {@link #awaitHealthy} waits for it. */
  void start(
      String name, String module, List<String> heap, Map<String, String> env, String health) {
    launches.put(name, new Launch(module, List.copyOf(heap), Map.copyOf(env), health));
    List<String> jvm = new ArrayList<>(heap);
    jvm.add("-XX:+ExitOnOutOfMemoryError");
    ServiceProcess process =
        ServiceProcess.start(
            name,
            java,
            home.resolve(module).resolve("target").resolve(module + ".jar"),
            jvm,
            env,
            logDir);
    running.push(process);
    byName.put(name, process);
  }

  void awaitHealthy(String name) {
    get(name).awaitHealthy(launches.get(name).health());
  }

  ServiceProcess get(String name) {
    ServiceProcess process = byName.get(name);
    if (process == null) {
      throw new IllegalArgumentException("no service " + name + "; have " + byName.keySet());
    }
    return process;
  }

  /** Kills it at once (SIGKILL), as a crash would. */
  void kill(String name) {
    get(name).kill();
  }

  /**
   * Stops it gracefully (at once if it was killed) and starts it again with the same configuration;
   * returns once it is healthy.
   */
  void restart(String name) {
    ServiceProcess old = get(name);
    Launch launch = launches.get(name);
    old.close();
    running.remove(old);
    start(name, launch.module(), launch.heap(), launch.env(), launch.health());
    awaitHealthy(name);
  }

  @Override
  public void close() {
    while (!running.isEmpty()) {
      try {
        running.pop().close();
      } catch (RuntimeException e) {
        System.err.println("stopping failed: " + e);
      }
    }
  }
}
