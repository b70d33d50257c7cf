package dev.livescoreboard.system.drill;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * A steady load of several players on the {@code global} board: each plays one action at a time,
 * one about every {@code period} (jittered ±25 %), skipping a turn while command-api asked it to
 * rest. Can be started and stopped again; {@link #stop()} waits until every action it started has
 * its final answer, so the checks that follow see no request still in flight.
 */
final class SteadyLoad {

  /** Common actions often, one without an hourly quota often enough that long runs keep playing. */
  private static final List<String> ACTIONS =
      List.of("COMPLETE_LEVEL", "COMPLETE_LEVEL", "WIN_MATCH", "REFER_FRIEND_COMPLETED");

  /** The longest an action takes to its final answer: a few retries with pauses of seconds. */
  private static final Duration DRAIN = Duration.ofMinutes(2);

  private final Players source;
  private final List<DrillPlayer> players;
  private final Duration period;
  private final AtomicInteger inFlight = new AtomicInteger();

  /** Which start the scheduled turns belong to; 0 while stopped, so turns of a past start end. */
  private final AtomicInteger run = new AtomicInteger();

  private int runs;

  /**
   * @param prefix user ids are {@code prefix-01} … ({@code prefix} unique to the run)
   */
  SteadyLoad(Players source, String prefix, int players, Duration period) {
    this.source = source;
    this.period = period;
    this.players =
        IntStream.rangeClosed(1, players)
            .mapToObj(i -> source.player(String.format("%s-%02d", prefix, i), "Drill " + i))
            .toList();
  }

  ActionLog log() {
    return source.log();
  }

  /** Where the load's players come from; others made there are logged alike. */
  Players players() {
    return source;
  }

  void start() {
    int current = ++runs;
    run.set(current);
    players.forEach(p -> schedule(p, current, jittered(period)));
  }

  /** Starts no more actions and waits until the started ones have their final answers. */
  void stop() {
    run.set(0);
    await("every started action answered")
        .atMost(DRAIN)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> inFlight.get() == 0);
  }

  private void schedule(DrillPlayer player, int current, Duration delay) {
    source.loop().schedule(() -> turn(player, current), delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void turn(DrillPlayer player, int current) {
    if (run.get() != current) {
      return;
    }
    String action = ACTIONS.get(ThreadLocalRandom.current().nextInt(ACTIONS.size()));
    if (player.resting(action)) {
      schedule(player, current, jittered(period));
      return;
    }
    inFlight.incrementAndGet();
    CompletableFuture<ActionLog.Action> played = player.play(action);
    played.whenCompleteAsync(
        (done, error) -> {
          inFlight.decrementAndGet();
          schedule(player, current, jittered(period));
        },
        source.loop());
  }

  private static Duration jittered(Duration period) {
    return Duration.ofMillis(
        (long) (period.toMillis() * (0.75 + ThreadLocalRandom.current().nextDouble(0.5))));
  }
}
