package dev.livescoreboard.bench;

import dev.livescoreboard.bench.ceiling.PostgresCeiling;
import dev.livescoreboard.bench.ceiling.StaticFileServer;
import dev.livescoreboard.bench.http.ActionLoad;
import dev.livescoreboard.bench.http.ActionResults;
import dev.livescoreboard.bench.http.ActionSlo;
import dev.livescoreboard.bench.http.CompletionMatcher;
import dev.livescoreboard.bench.http.HttpClientPool;
import dev.livescoreboard.bench.http.LoadPlan;
import dev.livescoreboard.bench.http.NettyTransport;
import dev.livescoreboard.bench.http.ReadLoad;
import dev.livescoreboard.bench.http.ReadResults;
import dev.livescoreboard.bench.sse.SseReaders;
import dev.livescoreboard.bench.sse.SseResults;
import dev.livescoreboard.bench.ws.FleetResults;
import dev.livescoreboard.bench.ws.PersonalClients;
import dev.livescoreboard.bench.ws.PersonalResults;
import dev.livescoreboard.bench.ws.SlowClientResults;
import dev.livescoreboard.bench.ws.WebSocketFleet;
import io.netty.channel.EventLoopGroup;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One benchmark run: stack, users, WebSocket fleet, then the mixed phase (actions + GETs while the
 * fleet listens: a warm-up ramp, then the measured window), the closed-loop GET phase, the
 * ceilings, and the report. Phases run one after another so the ceilings never compete with the
 * load for the machine.
 */
final class BenchRun {

  static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** The last byte of the fleet's first 127.0.0.x source address. */
  static final int FIRST_SOURCE = 2;

  static final Duration GRACE = Duration.ofSeconds(15);
  private static final Duration CLOSED_LOOP_WARMUP = Duration.ofSeconds(10);

  /** How long resumed slow clients get to read what queued up and reach the latest update. */
  private static final Duration SLOW_CATCH_UP = Duration.ofSeconds(20);

  /** Lets the pacers' threads start before their first arrival is due. */
  static final Duration START_DELAY = Duration.ofMillis(200);

  private final BenchOptions o;
  private final Map<String, String> env;

  BenchRun(BenchOptions options, Map<String, String> env) {
    this.o = options;
    this.env = env;
  }

  Measurements measure() throws Exception {
    log(
        "starting "
            + (o.target().isPresent()
                ? "against " + o.target().get().gateway()
                : "a fresh local stack"));
    try (Target target =
        o.target().isPresent()
            ? Target.running(o.target().get(), env)
            : Target.startLocal(o.home(), o.serviceEnv(), o.hotUsers() > 0)) {
      String prefix = "bench-" + Long.toString(System.currentTimeMillis(), 36);
      log("provisioning " + o.users() + " users");
      List<String> tokens = UserPool.provision(target.commandApi, target.tokens, prefix, o.users());
      EventLoopGroup io = NettyTransport.group(2);
      try (HttpClientPool api =
              new HttpClientPool(io, target.commandApi, o.connections(), TIMEOUT);
          HttpClientPool gateway =
              new HttpClientPool(io, target.gateway, o.connections(), TIMEOUT)) {
        String path = "/api/v1/leaderboards/" + o.board();
        // Nothing is recorded before the window's start is known (set below).
        CompletionMatcher matcher = new CompletionMatcher(Long.MAX_VALUE);
        URI ws =
            URI.create(
                target.gateway.toString().replaceFirst("^http", "ws") + "/ws?board=" + o.board());
        log(
            "connecting "
                + o.ws()
                + " WebSocket clients"
                + (o.slowClients() > 0 ? " and " + o.slowClients() + " slow ones" : "")
                + " in "
                + (o.wsProcesses() <= 0 ? "the bench JVM" : o.wsProcesses() + " child JVM(s)"));
        FleetResults fleet;
        ActionResults actions;
        Optional<ReadResults> getsOpen;
        Optional<SlowClientResults> slow = Optional.empty();
        Optional<SseResults> sse;
        Optional<PersonalResults> personal;
        MeasuredWindow.Result window;
        try (WebSocketFleet clients =
                WebSocketFleet.connect(
                    ws,
                    o.ws(),
                    o.slowClients(),
                    o.wsProcesses(),
                    FIRST_SOURCE,
                    matcher,
                    Path.of(System.getProperty("java.io.tmpdir")),
                    BenchMain.class.getName());
            SseReaders readers = sseReaders(target.gateway, path);
            PersonalClients players = personalClients(target.gateway, tokens)) {
          log(
              clients.connected()
                  + " clients"
                  + (o.slowClients() > 0 ? " and " + clients.slowConnected() + " slow ones" : "")
                  + " connected; warm-up ramp "
                  + o.warmup().toSeconds()
                  + " s ("
                  + Math.round(LoadPlan.RAMP_FROM * 100)
                  + " % → 100 % of the rates), then measuring "
                  + o.duration().toSeconds()
                  + " s");
          LoadPlan plan =
              new LoadPlan(System.nanoTime() + START_DELAY.toNanos(), o.warmup(), o.duration());
          long windowFrom = plan.windowStartMicros();
          matcher.measureFrom(windowFrom);
          long windowUntil =
              windowFrom + o.duration().plus(o.completeDelay()).toNanos() / 1000 + 1_000_000;
          clients.window(windowFrom, windowUntil);
          readers.window(windowFrom, windowUntil);
          players.window(windowFrom, windowUntil);
          ProcessStats stats = new ProcessStats(watched(target, clients));
          try (MeasuredWindow measured =
              MeasuredWindow.arm(
                  plan,
                  stats,
                  PipelineMetrics.scraper(target.commandApi, target.projector, target.gateway))) {
            ReadLoad reads = new ReadLoad(gateway, path);
            CompletableFuture<Optional<ReadResults>> openGets =
                CompletableFuture.supplyAsync(
                    () -> o.gets() <= 0 ? Optional.empty() : Optional.of(openGets(plan, reads)));
            actions =
                new ActionLoad(
                        api,
                        io,
                        o.hotUsers() > 0 ? tokens.subList(0, o.hotUsers()) : tokens,
                        o.action(),
                        o.board(),
                        o.completeDelay(),
                        new ActionSlo(o.slo(), TIMEOUT),
                        (user, score, micros) -> {
                          matcher.responseReceived(user, score, micros);
                          readers.responseReceived(user, score, micros);
                          players.responseReceived(user, score, micros);
                        })
                    .run(plan, o.rate(), GRACE);
            getsOpen = openGets.join();
            window = measured.await(TIMEOUT);
          }
          // The last updates are in flight for a few milliseconds more.
          TimeUnit.SECONDS.sleep(1);
          if (o.slowClients() > 0) {
            log("resuming the slow clients");
            slow = Optional.of(clients.resumeSlowClients(SLOW_CATCH_UP));
          }
          fleet = clients.results();
          sse = o.sse() > 0 ? Optional.of(readers.results()) : Optional.empty();
          personal = o.personal() > 0 ? Optional.of(players.results()) : Optional.empty();
        }
        log("closed-loop GETs for " + o.ceilingSeconds().toSeconds() + " s");
        ReadResults getsMax = closedLoop(io, target.gateway, List.of(path));
        List<String> ranked = RankPaths.rankedUsers(gateway, o.board(), TIMEOUT);
        log("closed-loop rank GETs over " + ranked.size() + " users");
        ReadResults rankMax = closedLoop(io, target.gateway, RankPaths.user(o.board(), ranked));
        log("closed-loop around GETs (radius " + RankPaths.AROUND_RADIUS + ")");
        ReadResults aroundMax = closedLoop(io, target.gateway, RankPaths.around(o.board(), ranked));
        Optional<ReadResults> staticFile = Optional.empty();
        Optional<PostgresCeiling.Result> postgres = Optional.empty();
        if (o.ceilings()) {
          staticFile = Optional.of(staticCeiling(io, getsMax.responseBytes()));
          if (target.database.isPresent()) {
            log("Postgres ceiling");
            Target.Database db = target.database.get();
            postgres =
                Optional.of(
                    new PostgresCeiling(db.url(), db.user(), db.password())
                        .measure(List.of(8, 16, 32), o.ceilingSeconds()));
          }
        }
        return new Measurements(
            o,
            actions,
            copy(matcher),
            fleet,
            slow,
            getsOpen,
            getsMax,
            rankMax,
            aroundMax,
            staticFile,
            postgres,
            window.processes().processes(),
            window.processes().machine(),
            window.pipeline(),
            sse,
            personal);
      } finally {
        io.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      }
    }
  }

  private SseReaders sseReaders(URI gateway, String boardPath) throws InterruptedException {
    if (o.sse() > 0) {
      log("connecting " + o.sse() + " SSE readers");
    }
    SseReaders readers =
        SseReaders.connect(gateway.resolve(boardPath + "/stream"), o.sse(), Duration.ofMinutes(2));
    if (o.sse() > 0) {
      log(readers.connected() + " SSE readers have their snapshot");
    }
    return readers;
  }

  /** The first {@code personal} players' sockets: they score like every other player. */
  private PersonalClients personalClients(URI gateway, List<String> tokens) {
    if (o.personal() > 0) {
      log("connecting " + o.personal() + " authenticated WebSocket clients for RANK_CHANGED");
    }
    return PersonalClients.connect(
        URI.create(gateway.toString().replaceFirst("^http", "ws") + "/ws"),
        tokens.subList(0, o.personal()),
        Duration.ofSeconds(30));
  }

  /** The target's processes plus the WebSocket client JVMs, which only exist from here on. */
  private static List<ProcessStats.Watched> watched(Target target, WebSocketFleet clients) {
    List<ProcessStats.Watched> all = new ArrayList<>(target.processes);
    if (!clients.pids().isEmpty()) {
      all.add(
          new ProcessStats.Watched(
              "bench WebSocket clients ("
                  + clients.pids().size()
                  + " JVM"
                  + (clients.pids().size() > 1 ? "s" : "")
                  + ")",
              clients.pids(),
              false));
    }
    return all;
  }

  private ReadResults openGets(LoadPlan plan, ReadLoad reads) {
    try {
      return reads.open(plan, o.gets(), GRACE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private ReadResults closedLoop(EventLoopGroup io, URI base, List<String> paths)
      throws InterruptedException {
    try (HttpClientPool pool = new HttpClientPool(io, base, o.getConnections(), TIMEOUT)) {
      ReadLoad load = new ReadLoad(pool, paths);
      // Both servers get the same warm-up, long enough for C2 to compile their request paths.
      load.closedLoop(o.getConnections(), CLOSED_LOOP_WARMUP);
      return load.closedLoop(o.getConnections(), o.ceilingSeconds());
    }
  }

  private ReadResults staticCeiling(EventLoopGroup io, int bytes) throws InterruptedException {
    log("static-file ceiling (" + bytes + " B)");
    try (StaticFileServer server = new StaticFileServer(new byte[Math.max(bytes, 1)])) {
      return closedLoop(io, server.url(), List.of("/top.json"));
    }
  }

  private static org.HdrHistogram.Histogram copy(CompletionMatcher matcher) {
    return matcher.matched().copy();
  }

  private static final long STARTED = System.nanoTime();

  static void log(String message) {
    System.out.printf(
        java.util.Locale.ROOT, "[bench +%.1fs] %s%n", (System.nanoTime() - STARTED) / 1e9, message);
  }
}
