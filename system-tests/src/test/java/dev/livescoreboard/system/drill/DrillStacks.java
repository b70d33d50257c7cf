package dev.livescoreboard.system.drill;

import dev.livescoreboard.events.Topics;
import dev.livescoreboard.infra.LocalStack;
import dev.livescoreboard.infra.StackSettings;
import dev.livescoreboard.testsupport.UniqueNames;
import java.nio.file.Path;
import java.util.Map;

/**
 * Local stacks of their own for tests that break things, never the run's shared stack. Their
 * servers are always embedded (an external server named for the tests cannot be hung, killed or
 * flushed without harming whoever else uses it) and Kafka runs in a JVM of its own, so that it can
 * be killed and hung like the others.
 */
final class DrillStacks {

  private DrillStacks() {}

  /** Starts a stack with {@code instances} of each service and waits until they are healthy. */
  static LocalStack start(String name, int instances) {
    String suffix = UniqueNames.of(name).substring(name.length() + 1);
    Path home = Path.of("..").toAbsolutePath().normalize();
    Path data = Path.of(System.getProperty("java.io.tmpdir")).resolve(name + "-" + suffix);
    StackSettings settings =
        new StackSettings(
                home,
                data,
                StackSettings.Ports.ANY_FREE,
                false,
                false,
                "scoreboard_" + suffix,
                Topics.SCORE_EVENTS + "." + suffix,
                "d" + suffix + ":",
                StackSettings.External.none(),
                Map.of(),
                StackSettings.KafkaHosting.CHILD_JVM)
            .withInstances(instances)
            // Every player of the drills comes from 127.0.0.1: the per-address limit (for many
            // clients behind many addresses) would refuse the load itself. Per-user limits stay.
            .withServiceEnv("command-api", Map.of("SCOREBOARD_RATELIMITS_PERIP", "1000000000"))
            // The production check every 30 s only makes the drills wait longer for the rebuild
            // after Redis lost its data.
            .withServiceEnv(
                "leaderboard-projector", Map.of("SCOREBOARD_REBUILD_CHECK_INTERVAL", "5s"));
    return LocalStack.start(settings);
  }
}
