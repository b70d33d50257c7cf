package dev.livescoreboard.bench;

import dev.livescoreboard.bench.http.ActionResults;
import dev.livescoreboard.bench.ws.FleetResults;
import java.time.Duration;
import java.util.Map;

/**
 * What a {@code --broadcast-ceiling} run measured over its window: the gateway's broadcasts and the
 * bare fan-out server's, interleaved, each to a fleet of its own.
 *
 * @param actions the action load (each action one gateway broadcast)
 * @param gateway what the gateway's clients received
 * @param bare what the bare server's clients received
 * @param processes memory and CPU of each process (group) over the window
 * @param machine the machine's busy cores over the window
 * @param fanOut the gateway's own counters
 * @param window the measured window's length
 */
record BroadcastCeilingMeasurements(
    BenchOptions options,
    ActionResults actions,
    FleetResults gateway,
    FleetResults bare,
    Map<String, ProcessStats.Usage> processes,
    ProcessStats.MachineCpu machine,
    GatewayFanOut fanOut,
    Duration window) {

  /** CPU microseconds {@code process} spent per update frame {@code fleet} received. */
  double cpuMicrosPerFrame(String process, FleetResults fleet) {
    ProcessStats.Usage u = processes.get(process);
    return u == null || fleet.receipts() == 0
        ? Double.NaN
        : u.cpuShare() * window.toNanos() / 1000.0 / fleet.receipts();
  }
}
