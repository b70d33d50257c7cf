package dev.livescoreboard.bench;

import dev.livescoreboard.bench.ceiling.FanOutCeiling;
import dev.livescoreboard.bench.http.ActionLoad;
import dev.livescoreboard.bench.http.ActionResults;
import dev.livescoreboard.bench.http.ActionSlo;
import dev.livescoreboard.bench.http.CompletionMatcher;
import dev.livescoreboard.bench.http.HttpClientPool;
import dev.livescoreboard.bench.http.LoadPlan;
import dev.livescoreboard.bench.http.NettyTransport;
import dev.livescoreboard.bench.ws.FleetResults;
import dev.livescoreboard.bench.ws.WebSocketFleet;
import io.netty.channel.EventLoopGroup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * A {@code --broadcast-ceiling} run (SPEC §8): the gateway's broadcast to {@code ws} clients and
 * the bare fan-out ceiling's to as many, in one run on one machine. Two fleets of the same size are
 * connected, one to the gateway and one to a {@link FanOutCeiling}; hot users' actions go through
 * the whole stack on an open schedule (each changes the top N, so each is one gateway broadcast),
 * and half an action interval after each gateway broadcast the bare server broadcasts the same
 * bytes (a new seq and sentAt). The broadcasts alternate, so both servers are measured over the
 * same minutes of a machine whose background load changes, one at a time. Both fleets run the same
 * clients' code: broadcast to all is last receipt − the server's {@code sentAt}.
 */
final class BroadcastCeilingBench {

  static final String BARE_SERVER = "bare fan-out server";
  static final String GATEWAY_FLEET = "bench WebSocket clients of the gateway";
  static final String BARE_FLEET = "bench WebSocket clients of the bare server";

  private static final Duration WARM_UP_READ_EVERY = Duration.ofSeconds(1);
  private static final Duration FOLLOW_POLL = Duration.ofMillis(2);

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
            + " clients each for the gateway and a bare fan-out server, "
            + o.rate()
            + " broadcasts/s each, against "
            + (o.target().isPresent() ? o.target().get().gateway() : "a fresh local stack"));
    Path logDir = Path.of(System.getProperty("java.io.tmpdir"));
    try (Target target =
        o.target().isPresent()
            ? Target.running(o.target().get(), env)
            : Target.startLocal(o.home(), o.serviceEnv(), true)) {
      String prefix = "bcast-" + Long.toString(System.currentTimeMillis(), 36);
      List<String> tokens = UserPool.provision(target.commandApi, target.tokens, prefix, o.users());
      EventLoopGroup io = NettyTransport.group(2);
      URI ws =
          URI.create(
              target.gateway.toString().replaceFirst("^http", "ws") + "/ws?board=" + o.board());
      try (HttpClientPool api = new HttpClientPool(io, target.commandApi, 16, BenchRun.TIMEOUT);
          FanOutCeiling bare =
              FanOutCeiling.start(gatewayIoThreads(), logDir, BenchMain.class.getName());
          WebSocketFleet gatewayClients = connect(ws, BenchRun.FIRST_SOURCE, logDir);
          WebSocketFleet bareClients =
              connect(
                  bare.webSocketUri(o.board()), BenchRun.FIRST_SOURCE + o.wsProcesses(), logDir)) {
        BenchRun.log(
            "warm-up "
                + o.warmup().toSeconds()
                + " s (ramp), then measuring "
                + o.duration().toSeconds()
                + " s");
        LoadPlan plan =
            new LoadPlan(
                System.nanoTime() + BenchRun.START_DELAY.toNanos(), o.warmup(), o.duration());
        long from = plan.windowStartMicros();
        long until = from + o.duration().plus(o.completeDelay()).toNanos() / 1000 + 1_000_000;
        gatewayClients.window(from, until);
        bareClients.window(from, until);
        List<ProcessStats.Watched> watched = new ArrayList<>(target.processes);
        watched.add(ProcessStats.Watched.process(BARE_SERVER, bare.pid()));
        watched.add(new ProcessStats.Watched(GATEWAY_FLEET, gatewayClients.pids(), false));
        watched.add(new ProcessStats.Watched(BARE_FLEET, bareClients.pids(), false));
        ActionResults actions;
        MeasuredWindow.Result result;
        try (MeasuredWindow measured =
            MeasuredWindow.arm(
                plan,
                new ProcessStats(watched),
                PipelineMetrics.scraper(target.commandApi, target.projector, target.gateway))) {
          AtomicBoolean stop = new AtomicBoolean();
          Thread bareBroadcasts = startBareBroadcasts(bare, gatewayClients, stop);
          Thread reads = startWarmUpReads(target.gateway, plan);
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
          // The last actions' broadcasts follow their completes within the grace.
          TimeUnit.SECONDS.sleep(2);
          stop.set(true);
          bareBroadcasts.join();
          reads.join();
          result = measured.await(BenchRun.TIMEOUT);
        }
        // The last broadcasts' frames are in flight for a little longer.
        TimeUnit.SECONDS.sleep(2);
        FleetResults toGateway = gatewayClients.results();
        FleetResults toBare = bareClients.results();
        return new BroadcastCeilingMeasurements(
            o,
            actions,
            toGateway,
            toBare,
            result.processes().processes(),
            result.processes().machine(),
            result.pipeline().gateway(),
            o.duration());
      } finally {
        io.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      }
    }
  }

  private WebSocketFleet connect(URI ws, int firstSource, Path logDir)
      throws IOException, InterruptedException {
    BenchRun.log("connecting " + o.ws() + " WebSocket clients to " + ws);
    WebSocketFleet clients =
        WebSocketFleet.connect(
            ws,
            o.ws(),
            0,
            o.wsProcesses(),
            firstSource,
            new CompletionMatcher(Long.MAX_VALUE),
            logDir,
            BenchMain.class.getName());
    BenchRun.log(clients.connected() + " connected");
    return clients;
  }

  /**
   * The bare server's broadcasts: one after each update the gateway sends (as its first client, the
   * parsing one, receives it), half an action interval later, of the same bytes with a new seq and
   * sentAt. Following the gateway's broadcasts, not the action schedule, gives both servers as many
   * broadcasts at the same cadence even when the pipeline falls behind the schedule. Stops when
   * {@code stop} is set.
   */
  private Thread startBareBroadcasts(
      FanOutCeiling bare, WebSocketFleet gateway, AtomicBoolean stop) {
    long halfInterval = (long) (1e9 / o.rate() / 2);
    Thread thread =
        new Thread(
            () -> {
              byte[] last = null;
              long seq = 0;
              while (!stop.get()) {
                byte[] update = gateway.lastUpdate().orElse(null);
                if (update == null || update == last) {
                  LockSupport.parkNanos(FOLLOW_POLL.toNanos());
                  continue;
                }
                last = update;
                LockSupport.parkNanos(halfInterval);
                try {
                  bare.broadcast(++seq, update);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              }
            },
            "bare-fan-out-pacer");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  /**
   * A read of the board and a metrics scrape every second of the warm-up, as any live gateway
   * serves: its HTTP paths share the write and flush code with the fan-out, and the JIT compiles
   * that code for both before the window instead of recompiling it in the window (whose metrics
   * scrapes would otherwise be its first HTTP responses).
   */
  private Thread startWarmUpReads(URI gateway, LoadPlan plan) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(BenchRun.TIMEOUT).build();
    List<HttpRequest> requests =
        List.of(
            HttpRequest.newBuilder(gateway.resolve("/api/v1/leaderboards/" + o.board()))
                .timeout(BenchRun.TIMEOUT)
                .build(),
            HttpRequest.newBuilder(gateway.resolve("/metrics")).timeout(BenchRun.TIMEOUT).build());
    Thread thread =
        new Thread(
            () -> {
              while (System.nanoTime() < plan.windowStartNanos() - WARM_UP_READ_EVERY.toNanos()) {
                for (HttpRequest request : requests) {
                  try {
                    http.send(request, HttpResponse.BodyHandlers.discarding());
                  } catch (IOException e) {
                    // A missed read only warms less.
                  } catch (InterruptedException e) {
                    return;
                  }
                }
                LockSupport.parkNanos(WARM_UP_READ_EVERY.toNanos());
              }
            },
            "warm-up-reads");
    thread.setDaemon(true);
    thread.start();
    return thread;
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
