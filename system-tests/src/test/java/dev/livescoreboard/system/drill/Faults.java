package dev.livescoreboard.system.drill;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import redis.clients.jedis.RedisClient;

/**
 * The faults of SPEC §10 and issue 14, each injected into a running stack the way it happens in
 * production: a process killed with SIGKILL, a server stopped and started again, a server that
 * hangs (SIGSTOP until SIGCONT). Each returns once the fault is repaired; recovering from it is the
 * system's job.
 */
final class Faults {

  private static final Duration CAUGHT = Duration.ofSeconds(30);

  private Faults() {}

  /** Every fault, in the order the drills run them. */
  static List<Fault> all(DrillSettings settings) {
    long down = settings.outage().toSeconds();
    long hung = settings.hang().toSeconds();
    return List.of(
        new Fault("kill -9 command-api mid-request", false, Faults::killCommandApiMidRequest),
        new Fault("kill -9 projector mid-batch", false, Faults::killProjectorMidBatch),
        new Fault("kill -9 gateway", false, Faults::killGateway),
        new Fault("Kafka down " + down + " s and back", false, Faults::kafkaDownAndBack),
        new Fault("Redis flushed", false, Faults::redisFlushed),
        new Fault("Redis restarted", false, d -> restart(d, "redis")),
        new Fault("PostgreSQL restarted", false, d -> restart(d, "postgresql")),
        new Fault("PostgreSQL hung " + hung + " s", true, d -> hang(d, "postgresql")),
        new Fault("Kafka hung " + hung + " s", true, d -> hang(d, "kafka-broker")));
  }

  /**
   * PostgreSQL is held for a moment, so that requests are certainly inside command-api (waiting on
   * their transaction) when it is killed; then it runs on and command-api is started again.
   */
  private static String killCommandApiMidRequest(DrillContext drill) {
    List<Long> postgres = serverTree(drill, "postgresql");
    Instant held = Instant.now();
    long inFlight;
    ProcessSignals.stop(postgres);
    try {
      inFlight =
          await("a request inside command-api")
              .atMost(CAUGHT)
              .until(() -> drill.load().log().pendingSince(held), n -> n > 0);
      drill.stack().kill("command-api");
    } finally {
      ProcessSignals.resume(postgres);
    }
    drill.stack().restart("command-api");
    return inFlight + " request(s) in flight at the kill";
  }

  /**
   * Redis is held for a moment, so that the projector is inside a batch (consumed, its pipeline
   * sent, offsets not committed) when it is killed; Redis then runs what it was sent. The restarted
   * projector gets the batch again: its duplicates show the kill was mid-batch, and the checks that
   * nothing counted twice.
   */
  private static String killProjectorMidBatch(DrillContext drill) {
    String projector = drill.stack().projectorUrl();
    List<Long> redis = serverTree(drill, "redis");
    ProcessSignals.stop(redis);
    try {
      double batches = batches(projector);
      await("a batch consumed while Redis holds its apply")
          .atMost(CAUGHT)
          .until(() -> batches(projector) > batches);
      drill.stack().kill("leaderboard-projector");
    } finally {
      ProcessSignals.resume(redis);
    }
    drill.stack().restart("leaderboard-projector");
    double redelivered =
        await("the killed batch delivered again")
            .atMost(Duration.ofSeconds(60))
            .until(
                () -> Http.metrics(projector).sum("scoreboard_projector_events_duplicates_total"),
                n -> n > 0);
    return (long) redelivered + " event(s) of the killed batch redelivered";
  }

  private static double batches(String projector) {
    return Http.metrics(projector).sum("scoreboard_projector_batch_size_records_count");
  }

  /** Live viewers must notice, reconnect by themselves and resync from a SNAPSHOT. */
  private static String killGateway(DrillContext drill) {
    Instant killed = Instant.now();
    drill.stack().kill("realtime-gateway");
    drill.stack().restart("realtime-gateway");
    await("every viewer reconnected and resynced")
        .atMost(Duration.ofSeconds(60))
        .until(() -> drill.viewers().stream().allMatch(v -> v.resyncedSince(killed)));
    return drill.viewers().size() + " viewer(s) reconnected and resynced";
  }

  /** The broker crashes (SIGKILL), stays down, and is started again on its data. */
  private static String kafkaDownAndBack(DrillContext drill) throws InterruptedException {
    ProcessSignals.kill(serverTree(drill, "kafka-broker"));
    Thread.sleep(drill.settings().outage().toMillis()); // the outage itself, not a wait for a state
    drill.stack().restartServer("kafka-broker");
    return "crashed, restarted on its log";
  }

  private static String redisFlushed(DrillContext drill) {
    // The drill stack's own embedded Redis, never a shared one (DrillStacks).
    try (RedisClient redis = RedisClient.create(URI.create(drill.stack().redisUrl()))) {
      redis.flushAll();
    }
    return "FLUSHALL";
  }

  private static String restart(DrillContext drill, String server) {
    long before = drill.stack().serverPids().get(server);
    drill.stack().restartServer(server);
    long after = drill.stack().serverPids().get(server);
    if (after == before) {
      throw new IllegalStateException(server + " still runs as process " + before);
    }
    return "stopped and started in place (pid " + before + " -> " + after + ")";
  }

  /** The server and its children stop answering (SIGSTOP), connections stay open, then SIGCONT. */
  private static String hang(DrillContext drill, String server) throws InterruptedException {
    List<Long> pids = serverTree(drill, server);
    ProcessSignals.stop(pids);
    try {
      Thread.sleep(drill.settings().hang().toMillis()); // the hang itself
    } finally {
      ProcessSignals.resume(pids);
    }
    return "SIGSTOP, SIGCONT";
  }

  private static List<Long> serverTree(DrillContext drill, String server) {
    Long pid = drill.stack().serverPids().get(server);
    if (pid == null) {
      throw new IllegalStateException(
          "no process of " + server + ": " + drill.stack().serverPids());
    }
    return ProcessSignals.tree(pid);
  }
}
