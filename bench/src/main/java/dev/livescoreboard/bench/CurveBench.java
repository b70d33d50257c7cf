package dev.livescoreboard.bench;

import dev.livescoreboard.bench.http.ActionLoad;
import dev.livescoreboard.bench.http.ActionResults;
import dev.livescoreboard.bench.http.ActionSlo;
import dev.livescoreboard.bench.http.CurvePlan;
import dev.livescoreboard.bench.http.HttpClientPool;
import dev.livescoreboard.bench.http.NettyTransport;
import io.netty.channel.EventLoopGroup;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A goodput curve: one stack, one open-model action load whose offered rate climbs in steps (after
 * the warm-up ramp to the first), then drops to the recovery rate right after the highest. Only the
 * actions run (no WebSocket fleet, GETs or ceilings), so the curve shows what command-api's
 * admission control does with each offered rate. The client gives up after {@link
 * BenchOptions#CURVE_TIMEOUT} and does not retry: every arrival is a fresh action.
 */
final class CurveBench {

  private final BenchOptions o;
  private final Map<String, String> env;

  CurveBench(BenchOptions options, Map<String, String> env) {
    this.o = options;
    this.env = env;
  }

  CurveMeasurements measure() throws Exception {
    BenchRun.log(
        "goodput curve "
            + o.curve()
            + " /s, "
            + o.step().toSeconds()
            + " s per step, against "
            + (o.target().isPresent() ? o.target().get().commandApi() : "a fresh local stack"));
    try (Target target =
        o.target().isPresent()
            ? Target.running(o.target().get(), env)
            : Target.startLocal(o.home(), o.serviceEnv(), false)) {
      String prefix = "curve-" + Long.toString(System.currentTimeMillis(), 36);
      BenchRun.log("provisioning " + o.users() + " users");
      List<String> tokens = UserPool.provision(target.commandApi, target.tokens, prefix, o.users());
      EventLoopGroup io = NettyTransport.group(2);
      try (HttpClientPool api =
          new HttpClientPool(io, target.commandApi, o.connections(), BenchOptions.CURVE_TIMEOUT)) {
        CurvePlan plan =
            new CurvePlan(
                System.nanoTime() + BenchRun.START_DELAY.toNanos(),
                o.warmup(),
                o.curve(),
                o.step(),
                o.recoveryRate(),
                o.step());
        BenchRun.log(
            "warm-up ramp "
                + o.warmup().toSeconds()
                + " s, then "
                + plan.steps().size()
                + " steps (the last one the recovery at "
                + o.recoveryRate()
                + "/s)");
        List<ActionResults> actions;
        List<ProcessStats.Result> cpu;
        try (StepCpu stepCpu = StepCpu.arm(plan.steps(), target.processes)) {
          actions =
              new ActionLoad(
                      api,
                      io,
                      tokens,
                      o.action(),
                      o.board(),
                      o.completeDelay(),
                      new ActionSlo(o.slo(), BenchOptions.CURVE_TIMEOUT),
                      ActionLoad.Completions.NONE)
                  .run(plan, BenchRun.GRACE);
          cpu = stepCpu.await(BenchRun.TIMEOUT);
        }
        return new CurveMeasurements(o, plan.steps(), actions, cpu);
      } finally {
        io.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      }
    }
  }
}
