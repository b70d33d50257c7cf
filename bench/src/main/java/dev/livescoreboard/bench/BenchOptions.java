package dev.livescoreboard.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The options of {@code java -jar bench.jar [--key=value …]}.
 *
 * @param rate completed actions per second (each one start plus one complete)
 * @param duration the measured window of the load phase, at the constant target rates; CPU and
 *     memory of the processes and the services' histograms cover exactly this window
 * @param warmup load before the measured window, not recorded (default 60 s): the offered action
 *     and GET rates ramp linearly from 10 % to 100 % of {@code rate} and {@code gets} (still open
 *     model: arrivals from a schedule, latency from the intended send time). Cold JVMs need about
 *     60–100 s of load before C2 has compiled the hot paths; a shorter warm-up measures the JIT
 * @param users distinct players; enough that per-user rate limits hold
 * @param ws WebSocket clients subscribed to the board
 * @param wsProcesses child JVMs holding the clients (default: one per 15,000 clients, so at least
 *     one whenever there are clients); 0 keeps them in the bench JVM, where they compete with the
 *     load generator for CPU
 * @param gets open-model {@code GET /api/v1/leaderboards/{board}} per second
 * @param target a running stack to measure; empty starts a fresh local stack
 * @param ceilings whether to measure the machine's Postgres and static-file ceilings
 * @param ceilingSeconds how long each ceiling and the closed-loop GET phase run
 * @param connections the HTTP connection pool of the action load
 * @param getConnections connections of the closed-loop GET and static-file phases
 * @param completeDelay the intended gap between an action's start and its complete
 * @param action the action type every simulated player completes
 * @param board the board scored on and watched
 * @param report the Markdown report to update
 * @param label this run's name in the report (same label replaces the earlier section)
 * @param serviceEnv extra environment per service of a stack the bench starts, e.g. to switch a
 *     feature off for a "before" run: {@code --service-env=realtime-gateway:KEY=V;command-api:K=V}
 * @param home the repository root (service jars under {@code <module>/target})
 */
public record BenchOptions(
    double rate,
    Duration duration,
    Duration warmup,
    int users,
    int ws,
    int wsProcesses,
    double gets,
    Optional<RunningStack> target,
    boolean ceilings,
    Duration ceilingSeconds,
    int connections,
    int getConnections,
    Duration completeDelay,
    String action,
    String board,
    Path report,
    String label,
    Map<String, Map<String, String>> serviceEnv,
    Path home) {

  /** Per-user limits (SPEC §4): complete 10/min; the bench stays at 8/min per user. */
  static final double ACTIONS_PER_USER_PER_MINUTE = 8;

  /** Long enough for C2 to finish in cold service JVMs under the ramped load. */
  static final String DEFAULT_WARMUP = "60s";

  /** Clients per child JVM: leaves headroom under the 20,000 open files of a process. */
  static final int CLIENTS_PER_PROCESS = 15_000;

  private static final Set<String> KEYS =
      Set.of(
          "rate", "duration", "warmup", "users", "ws", "ws-processes", "gets", "target", "ceilings",
          "ceiling-seconds", "connections", "get-connections", "complete-delay", "action", "board",
          "report", "label", "service-env");

  /** The URLs of a stack that is already running. */
  public record RunningStack(URI gateway, URI commandApi, URI auth, Optional<String> jdbcUrl) {}

  /**
   * Parses {@code --key=value} arguments.
   *
   * @param env {@code SCOREBOARD_HOME} names the repository root (default: the working directory)
   * @throws IllegalArgumentException naming the bad option
   */
  public static BenchOptions parse(String[] args, Map<String, String> env) {
    Map<String, String> o = new HashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (!arg.startsWith("--") || eq < 0) {
        throw new IllegalArgumentException("expected --key=value, got " + arg);
      }
      String key = arg.substring(2, eq);
      if (!KEYS.contains(key)) {
        throw new IllegalArgumentException("unknown option --" + key + "; known: " + KEYS);
      }
      o.put(key, arg.substring(eq + 1));
    }
    double rate = positive("rate", Double.parseDouble(o.getOrDefault("rate", "200")));
    int ws = Integer.parseInt(o.getOrDefault("ws", "1000"));
    Path home = Path.of(env.getOrDefault("SCOREBOARD_HOME", ".")).toAbsolutePath().normalize();
    return new BenchOptions(
        rate,
        duration("duration", o.getOrDefault("duration", "30s")),
        duration("warmup", o.getOrDefault("warmup", DEFAULT_WARMUP)),
        o.containsKey("users") ? Integer.parseInt(o.get("users")) : defaultUsers(rate),
        ws,
        o.containsKey("ws-processes")
            ? Integer.parseInt(o.get("ws-processes"))
            : (ws + CLIENTS_PER_PROCESS - 1) / CLIENTS_PER_PROCESS,
        Double.parseDouble(o.getOrDefault("gets", "500")),
        Optional.ofNullable(o.get("target")).filter(t -> !t.isBlank() && !t.equals("local"))
            .map(BenchOptions::runningStack),
        Boolean.parseBoolean(o.getOrDefault("ceilings", "true")),
        duration("ceiling-seconds", o.getOrDefault("ceiling-seconds", "3s")),
        Integer.parseInt(o.getOrDefault("connections", "64")),
        Integer.parseInt(o.getOrDefault("get-connections", "16")),
        duration("complete-delay", o.getOrDefault("complete-delay", "20ms")),
        o.getOrDefault("action", "COMPLETE_LEVEL"),
        o.getOrDefault("board", "global"),
        home.resolve(o.getOrDefault("report", "docs/benchmarks.md")).normalize(),
        o.getOrDefault(
            "label", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))),
        serviceEnv(o.getOrDefault("service-env", "")),
        home);
  }

  /** {@code module:KEY=VALUE;module:KEY=VALUE} into module → env. */
  static Map<String, Map<String, String>> serviceEnv(String spec) {
    Map<String, Map<String, String>> env = new java.util.TreeMap<>();
    for (String item : spec.split(";")) {
      if (item.isBlank()) {
        continue;
      }
      int colon = item.indexOf(':');
      int eq = item.indexOf('=', colon + 1);
      if (colon < 1 || eq < colon + 2) {
        throw new IllegalArgumentException("--service-env items are module:KEY=VALUE, got " + item);
      }
      env.computeIfAbsent(item.substring(0, colon).trim(), m -> new java.util.TreeMap<>())
          .put(item.substring(colon + 1, eq).trim(), item.substring(eq + 1).trim());
    }
    return env;
  }

  /** Enough users that none completes more than {@value #ACTIONS_PER_USER_PER_MINUTE}/min. */
  static int defaultUsers(double rate) {
    return Math.max(1, (int) Math.ceil(rate * 60 / ACTIONS_PER_USER_PER_MINUTE));
  }

  /** {@code 30s}, {@code 500ms}, {@code 2m} or plain seconds. */
  static Duration duration(String name, String value) {
    String v = value.trim();
    try {
      if (v.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
      }
      if (v.endsWith("s")) {
        return Duration.ofMillis(Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 1000));
      }
      if (v.endsWith("m")) {
        return Duration.ofSeconds(Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 60));
      }
      return Duration.ofMillis(Math.round(Double.parseDouble(v) * 1000));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " must be a duration like 30s or 500ms");
    }
  }

  /** {@code gatewayUrl,commandApiUrl,authUrl[,jdbcUrl]}. */
  static RunningStack runningStack(String value) {
    List<String> parts = List.of(value.split(","));
    if (parts.size() < 3 || parts.size() > 4) {
      throw new IllegalArgumentException(
          "--target must be gatewayUrl,commandApiUrl,authUrl[,jdbcUrl] (or local)");
    }
    return new RunningStack(
        URI.create(parts.get(0).trim()),
        URI.create(parts.get(1).trim()),
        URI.create(parts.get(2).trim()),
        parts.size() == 4 ? Optional.of(parts.get(3).trim()) : Optional.empty());
  }

  private static double positive(String name, double value) {
    if (!(value > 0)) {
      throw new IllegalArgumentException("--" + name + " must be positive");
    }
    return value;
  }

  /** The options as the report shows them. */
  String describe() {
    return String.format(
        "rate=%s/s, duration=%ss, warmup=%ss (ramp 10→100 %%), users=%d, ws=%d (processes %d), gets=%s/s, "
            + "action=%s, board=%s, connections=%d, get-connections=%d, complete-delay=%dms, "
            + "ceiling-seconds=%ss, target=%s",
        trim(rate), duration.toMillis() / 1000.0, warmup.toMillis() / 1000.0, users, ws,
        wsProcesses, trim(gets), action, board, connections, getConnections,
        completeDelay.toMillis(), ceilingSeconds.toMillis() / 1000.0,
        target.map(t -> t.gateway().toString()).orElse("fresh local stack"));
  }

  private static String trim(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
