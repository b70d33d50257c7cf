package dev.livescoreboard.bench;

import dev.livescoreboard.infra.LocalStack;
import dev.livescoreboard.infra.StackSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The system under test: a fresh local stack the bench started (durable, no simulator, free
 * ports, data in a temporary folder deleted afterwards) or a stack that is already running.
 */
final class Target implements AutoCloseable {

  static final List<String> SERVICES = List.of("realtime-gateway", "command-api", "leaderboard-projector");

  /** JDBC coordinates of the stack's database. */
  record Database(String url, String user, String password) {}

  final URI gateway;
  final URI commandApi;
  final Optional<Database> database;
  final TokenMinter tokens;
  final Map<String, Long> servicePids;
  private final LocalStack stack;
  private final Path dataDir;

  private Target(
      URI gateway, URI commandApi, Optional<Database> database, TokenMinter tokens,
      Map<String, Long> servicePids, LocalStack stack, Path dataDir) {
    this.gateway = gateway;
    this.commandApi = commandApi;
    this.database = database;
    this.tokens = tokens;
    this.servicePids = servicePids;
    this.stack = stack;
    this.dataDir = dataDir;
  }

  static Target startLocal(Path home, Map<String, Map<String, String>> extraEnv)
      throws IOException {
    Path data = Files.createTempDirectory("scoreboard-bench-");
    StackSettings settings =
        new StackSettings(
                home, data, StackSettings.Ports.ANY_FREE, true, false, "scoreboard",
                "scoreboard.score-events.v1", "", StackSettings.External.none(), Map.of())
            .withServiceEnv("command-api", ServiceTuning.commandApi());
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
    Map<String, Long> pids = new LinkedHashMap<>();
    SERVICES.forEach(s -> pids.put(s, stack.service(s).pid()));
    return new Target(
        URI.create(stack.gatewayUrl()),
        URI.create(stack.commandApiUrl()),
        Optional.of(new Database(stack.jdbcUrl(), stack.dbUser(), stack.dbPassword())),
        stack.auth()::mint,
        pids,
        stack,
        data);
  }

  static Target running(BenchOptions.RunningStack running, Map<String, String> env) {
    Map<String, Long> pids = new LinkedHashMap<>();
    for (String service : SERVICES) {
      ProcessHandle.allProcesses()
          .filter(p -> p.info().commandLine().orElse("").contains(service + ".jar"))
          .findFirst()
          .ifPresent(p -> pids.put(service, p.pid()));
    }
    return new Target(
        running.gateway(),
        running.commandApi(),
        running.jdbcUrl().map(url -> new Database(url,
            env.getOrDefault("SCOREBOARD_DB_USER", "postgres"),
            env.getOrDefault("SCOREBOARD_DB_PASSWORD", "postgres"))),
        new RemoteTokenMinter(running.auth()),
        pids,
        null,
        null);
  }

  @Override
  public void close() {
    if (stack != null) {
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
