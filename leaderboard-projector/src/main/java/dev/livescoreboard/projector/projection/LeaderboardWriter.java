package dev.livescoreboard.projector.projection;

import dev.livescoreboard.events.ScoreChanged;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import org.springframework.stereotype.Component;

/** Applies batches of score events to the Redis read model and counts what happened. */
@Component
class LeaderboardWriter {

  private final ApplyScoreEventScript script;
  private final Counter applied;
  private final Counter duplicates;
  private final Counter published;
  private final Counter failures;
  private final Timer applyTimer;
  private final DistributionSummary batchSizes;

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
            .description("Top-N changes (a new seq) stored and published")
            .register(registry);
    this.failures =
        Counter.builder("scoreboard.projector.apply.failures")
            .description("Batch applies that failed (Redis unreachable etc.); retried by Kafka")
            .register(registry);
    this.applyTimer =
        Timer.builder("scoreboard.projector.apply")
            .description("Duration of one pipelined batch apply in Redis")
            .publishPercentileHistogram()
            .register(registry);
    this.batchSizes =
        DistributionSummary.builder("scoreboard.projector.batch.size")
            .description("Records per consumed Kafka batch")
            .baseUnit("records")
            .publishPercentileHistogram()
            .register(registry);
  }

  /**
   * Validates one event; throws {@link InvalidScoreEventException} for unprojectable events.
   *
   * @param traceId the trace of the request that caused it, or {@code null}
   */
  ScriptArguments prepare(ScoreChanged event, String traceId) {
    return script.arguments(event, traceId);
  }

  /** Records the size of a consumed batch. */
  void batchConsumed(int records) {
    batchSizes.record(records);
  }

  /**
   * Applies the calls in order, each exactly once per user version. Throws when Redis fails, so the
   * caller does not commit the offsets and the events are retried.
   */
  void applyAll(List<ScriptArguments> calls) {
    if (calls.isEmpty()) {
      return;
    }
    List<ApplyOutcome> outcomes;
    try {
      outcomes = applyTimer.record(() -> script.applyAll(calls));
    } catch (RuntimeException e) {
      failures.increment();
      throw e;
    }
    for (ApplyOutcome outcome : outcomes) {
      if (!outcome.applied()) {
        duplicates.increment();
      } else {
        applied.increment();
        if (outcome.topChanged()) {
          published.increment();
        }
      }
    }
  }
}
