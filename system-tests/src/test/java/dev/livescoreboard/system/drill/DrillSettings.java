package dev.livescoreboard.system.drill;

import java.time.Duration;

/**
 * How hard the drills push. The default run is short, so that it fits in the README's test command;
 * {@code -Dscoreboard.drills.long=true} runs the long variant: four times the players, minute-long
 * outages and hangs, every fault three times over.
 *
 * @param players players in the steady load
 * @param period each player starts an action about this often (complete limit: 10/min per user)
 * @param outage how long a server stays down (Kafka down and back)
 * @param hang how long a server hangs (SIGSTOP until SIGCONT)
 * @param rounds how many times the whole list of faults is run
 */
record DrillSettings(int players, Duration period, Duration outage, Duration hang, int rounds) {

  static final String LONG_PROPERTY = "scoreboard.drills.long";

  static DrillSettings fromSystemProperties() {
    if (Boolean.getBoolean(LONG_PROPERTY)) {
      return new DrillSettings(
          40, Duration.ofSeconds(7), Duration.ofSeconds(60), Duration.ofSeconds(60), 3);
    }
    return new DrillSettings(
        10, Duration.ofSeconds(7), Duration.ofSeconds(10), Duration.ofSeconds(15), 1);
  }
}
