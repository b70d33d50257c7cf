package dev.livescoreboard.projector.projection;

import dev.livescoreboard.events.ScoreChanged;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Applies score events to the Redis read model and counts what happened. */
@Component
class LeaderboardWriter {

  private static final Logger log = LoggerFactory.getLogger(LeaderboardWriter.class);

  private final ApplyScoreEventScript script;
  private final Counter applied;
  private final Counter duplicates;
  private final Counter published;
  private final Counter failures;
  private final Timer applyTimer;

  LeaderboardWriter(ApplyScoreEventScript script, MeterRegistry registry) {
    this.script = script;
    this.applied =
        Counter.builder("scoreboard.projector.events.applied")
            .description("Score events applied to the Redis read model")
            .register(registry);
    this.duplicates =
        Counter.builder("scoreboard.projector.events.duplicates")
            .description("Score events skipped because Redis already held that user version")
            .register(registry);
    this.published =
        Counter.builder("scoreboard.projector.topn.published")
            .description("TopNChanged states stored and published")
            .register(registry);
    this.failures =
        Counter.builder("scoreboard.projector.apply.failures")
            .description("Apply attempts that failed (Redis unreachable etc.); retried by Kafka")
            .register(registry);
    this.applyTimer =
        Timer.builder("scoreboard.projector.apply")
            .description("Duration of one atomic apply in Redis")
            .register(registry);
  }

  /**
   * Applies {@code event} exactly once per user version. Throws when Redis fails, so the caller
   * does not commit the offset and the event is retried.
   */
  ApplyOutcome apply(ScoreChanged event) {
    ApplyOutcome outcome;
    try {
      outcome = applyTimer.record(() -> script.apply(event));
    } catch (InvalidScoreEventException e) {
      throw e;
    } catch (RuntimeException e) {
      failures.increment();
      throw e;
    }
    if (!outcome.applied()) {
      duplicates.increment();
      log.debug(
          "skipped duplicate {} v{} on {}/{}",
          event.userId(),
          event.userVersion(),
          event.board(),
          event.season());
      return outcome;
    }
    applied.increment();
    if (outcome.topChanged()) {
      published.increment();
    }
    return outcome;
  }
}
