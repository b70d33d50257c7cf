package dev.livescoreboard.bench;

import dev.livescoreboard.bench.ceiling.FanOutCeiling;
import dev.livescoreboard.bench.report.Report;
import dev.livescoreboard.bench.ws.WsChildMain;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code java -jar bench/target/bench.jar [--key=value …]}: runs the benchmark (or, with {@code
 * --curve=…}, the goodput curve; with {@code --broadcast-ceiling}, the broadcast against the bare
 * fan-out ceiling), prints the results table and updates {@code docs/benchmarks.md}. With {@code
 * --role=ws-client} it is instead one process of the WebSocket fleet, with {@code
 * --role=fanout-server} the bare fan-out server (both started by the bench itself).
 */
public final class BenchMain {

  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("java.awt.headless", "true");
    // The local stack's Kafka broker runs in this JVM; its INFO lines would bury the results.
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    if (args.length > 0 && args[0].equals("--role=ws-client")) {
      WsChildMain.run(Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    if (args.length > 0 && args[0].equals("--role=fanout-server")) {
      FanOutCeiling.run(Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    BenchOptions options;
    try {
      options = BenchOptions.parse(args, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    if (options.broadcastCeiling()) {
      broadcastCeiling(options, args, System.getenv());
    } else if (options.curve().isEmpty()) {
      run(options, args, System.getenv());
    } else {
      curve(options, args, System.getenv());
    }
    BenchRun.log("report written to " + options.report());
    System.exit(0);
  }

  /** Runs the bench, prints the table and writes the report ({@code options.report()}). */
  static Measurements run(BenchOptions options, String[] args, Map<String, String> env)
      throws Exception {
    Measurements m = new BenchRun(options, env).measure();
    Map<String, org.HdrHistogram.Histogram> plotted = new LinkedHashMap<>();
    plotted.put("POST complete", m.actions().completeLatency());
    plotted.put("e2e propagation", m.fleet().propagation());
    plotted.put("broadcast to all", m.fleet().allDelivered());
    m.getsOpen().ifPresent(g -> plotted.put("GET top-10 (open)", g.latency()));
    Report.Run run =
        new Report.Run(
            options.label(),
            "java -jar bench/target/bench.jar " + shellWords(args),
            options.describe(),
            ResultRows.of(m),
            ResultRows.notes(m),
            plotted);
    System.out.println(Report.console(run));
    Report.write(options.report(), run);
    return m;
  }

  /** Runs a goodput curve ({@code --curve=…}), prints its table and writes the report. */
  static CurveMeasurements curve(BenchOptions options, String[] args, Map<String, String> env)
      throws Exception {
    CurveMeasurements m = new CurveBench(options, env).measure();
    Report.Curve curve =
        new Report.Curve(
            options.label(),
            "java -jar bench/target/bench.jar " + shellWords(args),
            options.describeCurve(),
            CurveRows.HEADER,
            CurveRows.rows(m),
            CurveRows.notes(m),
            CurveRows.points(m));
    System.out.println(Report.console(curve));
    Report.write(options.report(), curve);
    return m;
  }

  /** Runs the broadcast against the bare fan-out ceiling, prints its table, writes the report. */
  static BroadcastCeilingMeasurements broadcastCeiling(
      BenchOptions options, String[] args, Map<String, String> env) throws Exception {
    BroadcastCeilingMeasurements m = new BroadcastCeilingBench(options, env).measure();
    Map<String, org.HdrHistogram.Histogram> plotted = new LinkedHashMap<>();
    plotted.put("gateway broadcast to all", m.gateway().broadcast());
    plotted.put("bare fan-out broadcast to all", m.bare().broadcast());
    Report.Run run =
        new Report.Run(
            options.label(),
            "java -jar bench/target/bench.jar " + shellWords(args),
            options.describeBroadcastCeiling(),
            BroadcastCeilingRows.of(m),
            BroadcastCeilingRows.notes(m),
            plotted);
    System.out.println(Report.console(run));
    Report.write(options.report(), run);
    return m;
  }

  /** The arguments as a shell would need them to reproduce the run (e.g. a {@code ;} quoted). */
  static String shellWords(String[] args) {
    StringBuilder line = new StringBuilder();
    for (String arg : args) {
      if (!line.isEmpty()) {
        line.append(' ');
      }
      line.append(
          arg.matches("[A-Za-z0-9_./:=,@%+-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'");
    }
    return line.toString();
  }
}
