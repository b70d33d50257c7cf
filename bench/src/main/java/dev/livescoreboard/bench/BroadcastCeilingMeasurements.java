package dev.livescoreboard.bench;

import dev.livescoreboard.bench.http.ActionResults;
import dev.livescoreboard.bench.ws.FleetResults;
import java.time.Duration;
import java.util.Map;

/**
 * What a {@code --broadcast-ceiling} run measured: the gateway's phase and the bare fan-out
 * server's, each over its own measured window of the same length.
 *
 * @param actions the gateway phase's action load (each action one broadcast)
 * @param gateway the gateway phase
 * @param bare the bare fan-out server's phase
 */
record BroadcastCeilingMeasurements(
    BenchOptions options, ActionResults actions, Phase gateway, Phase bare) {

  /**
   * One phase.
   *
   * @param server the name of the broadcasting process in {@code processes}
   * @param fleet what the clients received in the window
   * @param processes memory and CPU of each process (group) over the window
   * @param machine the machine's busy cores over the window
   * @param fanOut the gateway's own counters (none for the bare server)
   * @param window the measured window's length
   */
  record Phase(
      String server,
      FleetResults fleet,
      Map<String, ProcessStats.Usage> processes,
      ProcessStats.MachineCpu machine,
      GatewayFanOut fanOut,
      Duration window) {

    /** CPU microseconds {@code process} spent per update frame a client received. */
    double cpuMicrosPerFrame(String process) {
      ProcessStats.Usage u = processes.get(process);
      return u == null || fleet.receipts() == 0
          ? Double.NaN
          : u.cpuShare() * window.toNanos() / 1000.0 / fleet.receipts();
    }
  }
}
