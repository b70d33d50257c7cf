package dev.livescoreboard.bench;

import dev.livescoreboard.bench.ceiling.FanOutCeiling;
import dev.livescoreboard.bench.http.ActionLoad;
import dev.livescoreboard.bench.http.ActionResults;
import dev.livescoreboard.bench.http.ActionSlo;
import dev.livescoreboard.bench.http.CompletionMatcher;
import dev.livescoreboard.bench.http.HttpClientPool;
import dev.livescoreboard.bench.http.LoadPlan;
import dev.livescoreboard.bench.http.NettyTransport;
import dev.livescoreboard.bench.http.OpenSchedule;
import dev.livescoreboard.bench.metrics.PrometheusWindow;
import dev.livescoreboard.bench.ws.FleetResults;
import dev.livescoreboard.bench.ws.WebSocketFleet;
import io.netty.channel.EventLoopGroup;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A {@code --broadcast-ceiling} run (SPEC §8): the gateway's broadcast to {@code ws} clients, then
 * the bare fan-out ceiling's to as many, in one run on one machine. Phase one connects the fleet to
 * the gateway and drives hot users' actions (each changes the top N, so each is one broadcast)
 * through the whole stack; phase two connects a fresh fleet of the same size to a {@link
 * FanOutCeiling} and has it broadcast on the same open schedule (same warm-up ramp, same window) a
 * frame of the size of the gateway's last update. Both are measured by the same clients' code: last
 * receipt − the server's {@code sentAt}. The phases run one after the other, never side by side, so
 * neither competes with the other for the two cores.
 */
final class BroadcastCeilingBench {

  /** The bare server's row in its phase's process table. */
  static final String BARE_SERVER = "bare fan-out server";

  private final BenchOptions o;
  private final Map<String, String> env;

  BroadcastCeilingBench(BenchOptions options, Map<String, String> env) {
    this.o = options;
    this.env = env;
  }

  BroadcastCeilingMeasurements measure() throws Exception {
    BenchRun.log(
        "broadcast ceiling: "
            + o.ws()
            + " clients, "
            + o.rate()
            + " broadcasts/s, against "
            + (o.target().isPresent() ? o.target().get().gateway() : "a fresh local stack"));
    Path logDir = Path.of(System.getProperty("java.io.tmpdir"));
    try (Target target =
        o.target().isPresent()
            ? Target.running(o.target().get(), env)
            : Target.startLocal(o.home(), o.serviceEnv(), true)) {
      String prefix = "bcast-" + Long.toString(System.currentTimeMillis(), 36);
      List<String> tokens = UserPool.provision(target.commandApi, target.tokens, prefix, o.users());
      EventLoopGroup io = NettyTransport.group(2);
      try (HttpClientPool api = new HttpClientPool(io, target.commandApi, 16, BenchRun.TIMEOUT)) {
        URI ws =
            URI.create(
                target.gateway.toString().replaceFirst("^http", "ws") + "/ws?board=" + o.board());
        ActionResults actions;
        BroadcastCeilingMeasurements.Phase gateway;
        byte[] template;
        try (WebSocketFleet clients = connect(ws, logDir)) {
          LoadPlan plan = plan();
          window(clients, plan);
          ProcessStats stats = new ProcessStats(BenchRun.watched(target.processes, clients));
          MeasuredWindow.Result result;
          try (MeasuredWindow measured =
              MeasuredWindow.arm(
                  plan,
                  stats,
                  PipelineMetrics.scraper(target.commandApi, target.projector, target.gateway))) {
            actions =
                new ActionLoad(
                        api,
                        io,
                        tokens.subList(0, o.hotUsers()),
                        o.action(),
                        o.board(),
                        o.completeDelay(),
                        new ActionSlo(o.slo(), BenchRun.TIMEOUT),
                        ActionLoad.Completions.NONE)
                    .run(plan, o.rate(), BenchRun.GRACE);
            result = measured.await(BenchRun.TIMEOUT);
          }
          gateway =
              phase("realtime-gateway", clients, result.processes(), result.pipeline().gateway());
          template =
              clients
                  .lastUpdate()
                  .orElseThrow(
                      () -> new IllegalStateException("the gateway broadcast no update at all"));
        }
        BenchRun.log("bare fan-out server, frame of " + template.length + " B");
        BroadcastCeilingMeasurements.Phase bare;
        try (FanOutCeiling server =
                FanOutCeiling.start(
                    template, gatewayIoThreads(), logDir, BenchMain.class.getName());
            WebSocketFleet clients = connect(server.webSocketUri(o.board()), logDir)) {
          LoadPlan plan = plan();
          window(clients, plan);
          List<ProcessStats.Watched> watched = new ArrayList<>();
          watched.add(ProcessStats.Watched.process(BARE_SERVER, server.pid()));
          watched.add(Target.benchJvm());
          ProcessStats stats = new ProcessStats(BenchRun.watched(watched, clients));
          MeasuredWindow.Result result;
          try (MeasuredWindow measured =
              MeasuredWindow.arm(plan, stats, new PrometheusWindow(Map.of()))) {
            broadcast(server, plan);
            result = measured.await(BenchRun.TIMEOUT);
          }
          bare = phase(BARE_SERVER, clients, result.processes(), GatewayFanOut.none());
        }
        return new BroadcastCeilingMeasurements(o, actions, gateway, bare);
      } finally {
        io.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      }
    }
  }

  private WebSocketFleet connect(URI ws, Path logDir) throws IOException, InterruptedException {
    BenchRun.log("connecting " + o.ws() + " WebSocket clients to " + ws);
    WebSocketFleet clients =
        WebSocketFleet.connect(
            ws,
            o.ws(),
            0,
            o.wsProcesses(),
            new CompletionMatcher(Long.MAX_VALUE),
            logDir,
            BenchMain.class.getName());
    BenchRun.log(
        clients.connected()
            + " connected; warm-up "
            + o.warmup().toSeconds()
            + " s, then measuring "
            + o.duration().toSeconds()
            + " s");
    return clients;
  }

  private LoadPlan plan() {
    return new LoadPlan(
        System.nanoTime() + BenchRun.START_DELAY.toNanos(), o.warmup(), o.duration());
  }

  /** Counts the updates sent in the window (and, for the gateway, the completes' grace). */
  private void window(WebSocketFleet clients, LoadPlan plan) throws IOException {
    long from = plan.windowStartMicros();
    clients.window(from, from + o.duration().plus(o.completeDelay()).toNanos() / 1000 + 1_000_000);
  }

  /** The bare server's broadcasts, on the schedule the gateway phase's actions followed. */
  private void broadcast(FanOutCeiling server, LoadPlan plan) throws IOException {
    OpenSchedule schedule = plan.schedule(o.rate());
    long arrivals = schedule.arrivalsWithin(o.warmup().plus(o.duration()));
    for (long i = 0; i < arrivals; i++) {
      long due = schedule.intendedNanos(i) + o.completeDelay().toNanos();
      for (long wait; (wait = due - System.nanoTime()) > 0; ) {
        LockSupport.parkNanos(wait);
      }
      server.broadcast(i + 1);
    }
  }

  private BroadcastCeilingMeasurements.Phase phase(
      String server, WebSocketFleet clients, ProcessStats.Result processes, GatewayFanOut fanOut)
      throws IOException, InterruptedException {
    // The last broadcast's frames are in flight for a little longer.
    TimeUnit.SECONDS.sleep(2);
    FleetResults fleet = clients.results();
    return new BroadcastCeilingMeasurements.Phase(
        server, fleet, processes.processes(), processes.machine(), fanOut, o.duration());
  }

  /**
   * The gateway's event loops: its {@code SCOREBOARD_GATEWAY_IO_THREADS}, by default one per core.
   */
  private int gatewayIoThreads() {
    String given =
        o.serviceEnv()
            .getOrDefault(GatewayFanOut.SERVICE, Map.of())
            .get("SCOREBOARD_GATEWAY_IO_THREADS");
    return given != null ? Integer.parseInt(given) : Runtime.getRuntime().availableProcessors();
  }
}
