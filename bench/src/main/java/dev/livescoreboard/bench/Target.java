package dev.livescoreboard.bench;

import dev.livescoreboard.events.Topics;
import dev.livescoreboard.infra.LocalStack;
import dev.livescoreboard.infra.StackSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * The system under test: a fresh local stack the bench started (durable, no simulator, free ports,
 * Kafka in a JVM of its own, data in a temporary folder deleted afterwards) or a stack that is
 * already running; and the processes whose CPU and memory the report shows.
 */
final class Target implements AutoCloseable {

  static final List<String> SERVICES =
      List.of("realtime-gateway", "command-api", "leaderboard-projector");

  /** JDBC coordinates of the stack's database. */
  record Database(String url, String user, String password) {}

  final URI gateway;
  final URI commandApi;
  final Optional<URI> projector;
  final Optional<Database> database;
  final TokenMinter tokens;

  /** Services, servers and the bench JVM itself, in the order the report lists them. */
  final List<ProcessStats.Watched> processes;

  private final LocalStack stack;
  private final Path dataDir;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Thread onExit = new Thread(this::stop, "bench-stack-stop");

  private Target(
      URI gateway,
      URI commandApi,
      Optional<URI> projector,
      Optional<Database> database,
      TokenMinter tokens,
      List<ProcessStats.Watched> processes,
      LocalStack stack,
      Path dataDir) {
    this.gateway = gateway;
    this.commandApi = commandApi;
    this.projector = projector;
    this.database = database;
    this.tokens = tokens;
    this.processes = List.copyOf(processes);
    this.stack = stack;
    this.dataDir = dataDir;
    if (stack != null) {
      // SIGTERM (e.g. from `timeout`) skips the try-with-resources; the stack must not outlive us.
      Runtime.getRuntime().addShutdownHook(onExit);
    }
  }

  static Target startLocal(Path home, Map<String, Map<String, String>> extraEnv, boolean hotUsers)
      throws IOException {
    Path data = Files.createTempDirectory("scoreboard-bench-");
    StackSettings settings =
        new StackSettings(
                home,
                data,
                StackSettings.Ports.ANY_FREE,
                true,
                false,
                "scoreboard",
                Topics.SCORE_EVENTS,
                "",
                StackSettings.External.none(),
                Map.of(),
                // Its own JVM: the broker's CPU and memory are reported apart from the bench's.
                StackSettings.KafkaHosting.CHILD_JVM)
            .withServiceEnv("command-api", ServiceTuning.commandApi(hotUsers))
            .withServiceEnv("realtime-gateway", ServiceTuning.gateway());
    for (var service : extraEnv.entrySet()) {
      settings = settings.withServiceEnv(service.getKey(), service.getValue());
    }
    LocalStack stack;
    try {
      stack = LocalStack.start(settings);
    } catch (RuntimeException e) {
      deleteTree(data);
      throw e;
    }
    List<ProcessStats.Watched> processes = new ArrayList<>();
    SERVICES.forEach(s -> processes.add(ProcessStats.Watched.process(s, stack.service(s).pid())));
    stack
        .serverPids()
        .forEach(
            (server, pid) ->
                processes.add(
                    server.equals("postgresql")
                        ? ProcessStats.Watched.tree(server, pid)
                        : ProcessStats.Watched.process(server, pid)));
    processes.add(benchJvm());
    return new Target(
        URI.create(stack.gatewayUrl()),
        URI.create(stack.commandApiUrl()),
        Optional.of(URI.create(stack.projectorUrl())),
        Optional.of(new Database(stack.jdbcUrl(), stack.dbUser(), stack.dbPassword())),
        stack.auth()::mint,
        processes,
        stack,
        data);
  }

  /** This JVM alone: the services and client processes it started are its children. */
  static ProcessStats.Watched benchJvm() {
    return ProcessStats.Watched.process(BENCH_JVM, ProcessHandle.current().pid());
  }

  static final String BENCH_JVM = "bench JVM";

  static Target running(BenchOptions.RunningStack running, Map<String, String> env) {
    Map<String, String> commandLines = new LinkedHashMap<>();
    SERVICES.forEach(s -> commandLines.put(s, s + ".jar"));
    commandLines.put("kafka-broker", "KafkaBrokerMain");
    commandLines.put("local-stack JVM (Kafka, auth)", "infra-local-stack.jar");
    List<ProcessStats.Watched> processes = new ArrayList<>();
    commandLines.forEach(
        (name, marker) ->
            ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains(marker))
                .findFirst()
                .ifPresent(p -> processes.add(ProcessStats.Watched.process(name, p.pid()))));
    processes.add(benchJvm());
    return new Target(
        running.gateway(),
        running.commandApi(),
        Optional.empty(),
        running
            .jdbcUrl()
            .map(
                url ->
                    new Database(
                        url,
                        env.getOrDefault("SCOREBOARD_DB_USER", "postgres"),
                        env.getOrDefault("SCOREBOARD_DB_PASSWORD", "postgres"))),
        new RemoteTokenMinter(running.auth()),
        processes,
        null,
        null);
  }

  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(onExit);
    } catch (IllegalStateException | IllegalArgumentException e) {
      // Already shutting down (the hook runs or ran), or never registered.
    }
    stop();
  }

  /** Stops the stack the bench started and deletes its data, once, from whichever path is first. */
  private void stop() {
    if (stack != null && closed.compareAndSet(false, true)) {
      stack.close();
      deleteTree(dataDir);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete " + dir, e);
    }
  }
}
