package dev.livescoreboard.bench;

import dev.livescoreboard.events.BoardIds;
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
 * @param hotUsers 0 (default) spreads the actions over all users; N &gt; 0 gives every action to
 *     one of the first N users in turn, so with N ≤ 10 every action changes the top 10 and the
 *     board is broadcast as often as the gateway's throttle allows (slow-client and fan-out runs).
 *     Each of them then acts {@code rate / N} times a second: a stack the bench starts gets its
 *     per-user rate limits raised, and {@code action} defaults to {@code REFER_FRIEND_COMPLETED}
 *     (no hourly quota in the default catalog; {@code COMPLETE_LEVEL} allows 120 an hour)
 * @param ws WebSocket clients subscribed to the board
 * @param slowClients extra WebSocket clients (default 0), counted apart from {@code ws}: they
 *     subscribe, read their SNAPSHOT and then stop reading until the measured window is over
 *     (through the warm-up too, so the pressure has built up when the window starts): the gateway's
 *     channels to them become not writable. Their own report row says how many stayed connected and
 *     caught up with the latest update afterwards
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
 * @param curve empty (default) for the usual run; otherwise the offered rates of a goodput curve
 *     ({@code --curve=100,250,500}, ascending): only the action load runs, one step per rate after
 *     the warm-up ramp to the first, then a recovery step; {@code rate}, the WebSocket fleet, GETs
 *     and ceilings are not used
 * @param step how long each curve step lasts (default 30 s)
 * @param recoveryRate the rate of the recovery step right after the highest (default the first
 *     step's rate, which the curve starts from because it is sustainable)
 * @param slo an action counts as goodput when its start and complete both answered 2xx within this
 *     of their intended send times (default 500 ms)
 * @param sse Server-Sent Events readers of the board (default 0), in the bench JVM, counted apart
 *     from {@code ws}; a stack the bench starts gets its per-address stream cap raised
 * @param personal the first N scoring users (default 50, at most {@code users}; 0 for none) also
 *     hold an authenticated WebSocket subscribed to no board, so {@code RANK_CHANGED} pushes happen
 *     during the run without changing the board's fan-out
 * @param broadcastCeiling {@code --broadcast-ceiling}: instead of the usual run, the broadcast to
 *     {@code ws} clients against the bare fan-out ceiling (SPEC §8) in the same run: the gateway
 *     broadcasts the updates of {@code rate} actions/s (default {@value #BROADCAST_RATE}) by {@code
 *     hot-users} (default {@value #BROADCAST_HOT_USERS}, so every action is a broadcast) to {@code
 *     ws} clients, and a bare Netty WebSocket server, after each of them, the same frame to {@code
 *     ws} clients of its own; warm-up {@value #BROADCAST_WARMUP} and window {@value
 *     #BROADCAST_DURATION} unless given. No GETs, SSE, personal sockets or other ceilings
 */
public record BenchOptions(
    double rate,
    Duration duration,
    Duration warmup,
    int users,
    int hotUsers,
    int ws,
    int slowClients,
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
    Path home,
    List<Double> curve,
    Duration step,
    double recoveryRate,
    Duration slo,
    int sse,
    int personal,
    boolean broadcastCeiling) {

  /** Per-user limits (SPEC §4): complete 10/min; the bench stays at 8/min per user. */
  static final double ACTIONS_PER_USER_PER_MINUTE = 8;

  /** SPEC §10: no request waits more than 2 s for an answer; the curve's client gives up then. */
  static final Duration CURVE_TIMEOUT = Duration.ofSeconds(2);

  /** Long enough for C2 to finish in cold service JVMs under the ramped load. */
  static final String DEFAULT_WARMUP = "60s";

  /**
   * The action of {@code --hot-users} runs: no hourly quota in the default catalog, so a few users
   * can play every action.
   */
  static final String HOT_ACTION = "REFER_FRIEND_COMPLETED";

  /**
   * The curve's connection pool: enough that the excess of an overload reaches command-api and is
   * refused there, instead of queueing in the bench's own pool.
   */
  static final int CURVE_CONNECTIONS = 256;

  /**
   * Actions (each a gateway broadcast, and as many bare ones in between) per second of a {@code
   * --broadcast-ceiling} run: at 15,000 clients a broadcast takes hundreds of milliseconds on two
   * cores, and broadcasts should not overlap.
   */
  static final String BROADCAST_RATE = "0.5";

  /**
   * The gateway's pipeline is deeper than the bare server's and its pongs, reads and metrics
   * scrapes are rarer than its broadcast writes, so C2 keeps compiling its read and write paths for
   * minutes; a profile after a 60 s warm-up found C2 at a tenth of its CPU in the window.
   */
  static final String BROADCAST_WARMUP = "120s";

  /** Long enough for 30 broadcasts of each server at {@value #BROADCAST_RATE}/s. */
  static final String BROADCAST_DURATION = "60s";

  /** Few enough that every action of a {@code --broadcast-ceiling} run changes the top 10. */
  static final String BROADCAST_HOT_USERS = "5";

  /** Options given without {@code =value}, meaning {@code =true}. */
  private static final Set<String> FLAGS = Set.of("broadcast-ceiling");

  /** Clients per child JVM: leaves headroom under the 20,000 open files of a process. */
  static final int CLIENTS_PER_PROCESS = 15_000;

  private static final Set<String> KEYS =
      Set.of(
          "rate",
          "duration",
          "warmup",
          "users",
          "ws",
          "ws-processes",
          "gets",
          "target",
          "ceilings",
          "ceiling-seconds",
          "connections",
          "get-connections",
          "complete-delay",
          "action",
          "board",
          "report",
          "label",
          "service-env",
          "slow-clients",
          "hot-users",
          "curve",
          "step",
          "recovery-rate",
          "slo",
          "sse",
          "personal",
          "broadcast-ceiling");

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
    for (String given : args) {
      String arg =
          given.startsWith("--") && FLAGS.contains(given.substring(2)) ? given + "=true" : given;
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
    boolean ceilingRun = Boolean.parseBoolean(o.getOrDefault("broadcast-ceiling", "false"));
    double rate =
        OptionValues.positive(
            "rate",
            Double.parseDouble(o.getOrDefault("rate", ceilingRun ? BROADCAST_RATE : "200")));
    int ws = Integer.parseInt(o.getOrDefault("ws", "1000"));
    int slow = OptionValues.count("slow-clients", o.getOrDefault("slow-clients", "0"));
    int hot =
        OptionValues.count(
            "hot-users", o.getOrDefault("hot-users", ceilingRun ? BROADCAST_HOT_USERS : "0"));
    List<Double> curve = OptionValues.rates("curve", o.getOrDefault("curve", ""));
    if (ceilingRun && (!curve.isEmpty() || ws <= 0 || hot == 0 || slow > 0)) {
      throw new IllegalArgumentException(
          "--broadcast-ceiling needs --ws > 0 and --hot-users > 0, and takes no --curve or"
              + " --slow-clients");
    }
    double highest = curve.isEmpty() ? rate : curve.get(curve.size() - 1);
    int users =
        o.containsKey("users")
            ? Integer.parseInt(o.get("users"))
            : hot > 0 ? hot : defaultUsers(highest);
    if (hot > users) {
      throw new IllegalArgumentException("--hot-users must not exceed --users (" + users + ")");
    }
    // A per-user 429 would pass for admission control's refusals in the curve's rows.
    if (!curve.isEmpty() && users < defaultUsers(highest)) {
      throw new IllegalArgumentException(
          "--users must be at least "
              + defaultUsers(highest)
              + " for a curve up to "
              + highest
              + "/s, so per-user rate limits never refuse");
    }
    Duration slo = OptionValues.duration("slo", o.getOrDefault("slo", "500ms"));
    if (slo.isNegative() || slo.isZero() || slo.compareTo(CURVE_TIMEOUT) > 0) {
      throw new IllegalArgumentException("--slo must be positive and at most " + CURVE_TIMEOUT);
    }
    Path home = Path.of(env.getOrDefault("SCOREBOARD_HOME", ".")).toAbsolutePath().normalize();
    return new BenchOptions(
        rate,
        OptionValues.duration(
            "duration", o.getOrDefault("duration", ceilingRun ? BROADCAST_DURATION : "30s")),
        OptionValues.duration(
            "warmup", o.getOrDefault("warmup", ceilingRun ? BROADCAST_WARMUP : DEFAULT_WARMUP)),
        users,
        hot,
        ws,
        slow,
        o.containsKey("ws-processes")
            ? Integer.parseInt(o.get("ws-processes"))
            : (ws + slow + CLIENTS_PER_PROCESS - 1) / CLIENTS_PER_PROCESS,
        Double.parseDouble(o.getOrDefault("gets", "500")),
        Optional.ofNullable(o.get("target"))
            .filter(t -> !t.isBlank() && !t.equals("local"))
            .map(OptionValues::runningStack),
        Boolean.parseBoolean(o.getOrDefault("ceilings", "true")),
        OptionValues.duration("ceiling-seconds", o.getOrDefault("ceiling-seconds", "3s")),
        Integer.parseInt(
            o.getOrDefault("connections", curve.isEmpty() ? "64" : "" + CURVE_CONNECTIONS)),
        Integer.parseInt(o.getOrDefault("get-connections", "16")),
        OptionValues.duration("complete-delay", o.getOrDefault("complete-delay", "20ms")),
        o.getOrDefault("action", hot > 0 ? HOT_ACTION : "COMPLETE_LEVEL"),
        o.getOrDefault("board", BoardIds.DEFAULT_BOARD),
        home.resolve(o.getOrDefault("report", "docs/benchmarks.md")).normalize(),
        o.getOrDefault(
            "label", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))),
        OptionValues.serviceEnv(o.getOrDefault("service-env", "")),
        home,
        curve,
        OptionValues.duration("step", o.getOrDefault("step", "30s")),
        o.containsKey("recovery-rate")
            ? OptionValues.positive("recovery-rate", Double.parseDouble(o.get("recovery-rate")))
            : curve.isEmpty() ? rate : curve.get(0),
        slo,
        OptionValues.count("sse", o.getOrDefault("sse", "0")),
        ceilingRun
            ? 0
            : Math.min(users, OptionValues.count("personal", o.getOrDefault("personal", "50"))),
        ceilingRun);
  }

  /** Enough users that none completes more than {@value #ACTIONS_PER_USER_PER_MINUTE}/min. */
  static int defaultUsers(double rate) {
    return Math.max(1, (int) Math.ceil(rate * 60 / ACTIONS_PER_USER_PER_MINUTE));
  }

  /** The options of a curve run as its report shows them. */
  String describeCurve() {
    return String.format(
        java.util.Locale.ROOT,
        "curve=%s/s, step=%ss, recovery-rate=%s/s (step %ss), warmup=%ss (ramp 10→100 %% of the first"
            + " step), users=%d, slo=%dms per answer, timeout=%dms, action=%s, board=%s,"
            + " connections=%d, complete-delay=%dms, target=%s",
        String.join(",", curve.stream().map(BenchOptions::trim).toList()),
        step.toMillis() / 1000.0,
        trim(recoveryRate),
        step.toMillis() / 1000.0,
        warmup.toMillis() / 1000.0,
        users,
        slo.toMillis(),
        CURVE_TIMEOUT.toMillis(),
        action,
        board,
        connections,
        completeDelay.toMillis(),
        target.map(t -> t.gateway().toString()).orElse("fresh local stack"));
  }

  /** The options of a {@code --broadcast-ceiling} run as its report shows them. */
  String describeBroadcastCeiling() {
    return String.format(
        java.util.Locale.ROOT,
        "broadcast-ceiling, ws=%d per server (processes %d each), rate=%s actions/s by %d hot"
            + " users (each a gateway broadcast; the bare server follows each),"
            + " duration=%ss, warmup=%ss (ramp 10→100 %%), action=%s, board=%s,"
            + " complete-delay=%dms, target=%s",
        ws,
        wsProcesses,
        trim(rate),
        hotUsers,
        duration.toMillis() / 1000.0,
        warmup.toMillis() / 1000.0,
        action,
        board,
        completeDelay.toMillis(),
        target.map(t -> t.gateway().toString()).orElse("fresh local stack"));
  }

  /** The options as the report shows them. */
  String describe() {
    return String.format(
        "rate=%s/s, duration=%ss, warmup=%ss (ramp 10→100 %%), users=%d%s, ws=%d%s (processes %d), gets=%s/s, "
            + "action=%s, board=%s, connections=%d, get-connections=%d, complete-delay=%dms, "
            + "ceiling-seconds=%ss, sse=%d, personal=%d, target=%s",
        trim(rate),
        duration.toMillis() / 1000.0,
        warmup.toMillis() / 1000.0,
        users,
        hotUsers > 0 ? " (every action by one of " + hotUsers + " hot users)" : "",
        ws,
        slowClients > 0 ? " + " + slowClients + " slow (not reading)" : "",
        wsProcesses,
        trim(gets),
        action,
        board,
        connections,
        getConnections,
        completeDelay.toMillis(),
        ceilingSeconds.toMillis() / 1000.0,
        sse,
        personal,
        target.map(t -> t.gateway().toString()).orElse("fresh local stack"));
  }

  private static String trim(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
