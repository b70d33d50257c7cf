package dev.livescoreboard.projector.projection;

import dev.livescoreboard.events.BoardDefined;
import dev.livescoreboard.events.EntryChanged;
import dev.livescoreboard.events.ScoreChanged;
import dev.livescoreboard.events.ScoreboardEvent;
import dev.livescoreboard.events.SeasonStarted;
import dev.livescoreboard.events.Topics;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

/**
 * Batch Kafka listener of the score-events topic: the score changes of one poll (at most {@code
 * max.poll.records}) are applied with one Redis pipeline. A board definition, an entry change or a
 * season start (all rare) first applies the score changes before it, then itself, so the batch's
 * order is kept.
 *
 * <p>Failures name the first record not applied with a {@link BatchListenerFailedException}: the
 * error handler commits the records before it, then either dead-letters it (poison: not
 * deserializable or not projectable, never retried) and goes on with the rest, or retries from it
 * with back-off (Redis unreachable). The records before a poison record are applied first, so
 * nothing valid is lost or reordered.
 *
 * <p>While a record is handled, its trace id ({@link RecordTraces}) is in the logging context, and
 * a score change's trace id goes with it into the top-N state it causes.
 */
@Component
class ScoreEventProjector {

  static final String LISTENER_ID = "score-event-projector";

  private static final Logger log = LoggerFactory.getLogger(ScoreEventProjector.class);
  private static final LogAccessor HEADER_LOG = new LogAccessor(ScoreEventProjector.class);

  private final LeaderboardWriter writer;
  private final BoardDefinitionWriter definitions;
  private final EntryChangeWriter entries;
  private final SeasonStartWriter seasons;

  ScoreEventProjector(
      LeaderboardWriter writer,
      BoardDefinitionWriter definitions,
      EntryChangeWriter entries,
      SeasonStartWriter seasons) {
    this.writer = writer;
    this.definitions = definitions;
    this.entries = entries;
    this.seasons = seasons;
  }

  @KafkaListener(
      id = LISTENER_ID,
      groupId = "${scoreboard.kafka.group}",
      topics = "${scoreboard.kafka.topic:" + Topics.SCORE_EVENTS + "}",
      concurrency = "${scoreboard.kafka.concurrency}",
      batch = "true")
  void onEvents(List<ConsumerRecord<String, ScoreboardEvent>> records) {
    try {
      applyBatch(records);
    } finally {
      RecordTraces.log(null);
    }
  }

  private void applyBatch(List<ConsumerRecord<String, ScoreboardEvent>> records) {
    writer.batchConsumed(records.size());
    List<ScriptArguments> calls = new ArrayList<>(records.size());
    int firstPending = 0;
    for (int i = 0; i < records.size(); i++) {
      ConsumerRecord<String, ScoreboardEvent> record = records.get(i);
      String traceId = RecordTraces.traceId(record);
      RecordTraces.log(traceId);
      RuntimeException poison = null;
      ScriptArguments call = null;
      DeserializationException notReadable =
          SerializationUtils.getExceptionFromHeader(
              record, SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, HEADER_LOG);
      if (notReadable != null) {
        poison = notReadable;
      } else if (record.value() == null) {
        // Tombstones carry no score; the topic is not compacted, so there is nothing to delete.
        log.warn(
            "ignoring record without value at {}-{}@{}",
            record.topic(),
            record.partition(),
            record.offset());
        continue;
      } else if (record.value() instanceof BoardDefined defined) {
        apply(calls, firstPending);
        calls.clear();
        define(defined, i);
        continue;
      } else if (record.value() instanceof EntryChanged changed) {
        // Same key as the user's score changes: those before it in the batch go first.
        apply(calls, firstPending);
        calls.clear();
        changeEntry(changed, i);
        continue;
      } else if (record.value() instanceof SeasonStarted started) {
        apply(calls, firstPending);
        calls.clear();
        startSeason(started, i);
        continue;
      } else if (record.value() instanceof ScoreChanged scored) {
        try {
          call = writer.prepare(scored, traceId);
        } catch (InvalidScoreEventException e) {
          poison = e;
        }
      } else {
        // A type the deserializer knows but this projector does not apply yet.
        poison = new InvalidScoreEventException("not projected: " + record.value().type());
      }
      if (poison != null) {
        apply(calls, firstPending);
        throw new BatchListenerFailedException("poison record", poison, i);
      }
      if (calls.isEmpty()) {
        firstPending = i;
      }
      calls.add(call);
    }
    apply(calls, firstPending);
  }

  /** Applies one definition; on failure the batch is retried from it. */
  private void define(BoardDefined event, int index) {
    try {
      definitions.apply(event);
    } catch (RuntimeException e) {
      throw new BatchListenerFailedException("board definition failed", e, index);
    }
  }

  /** Applies one entry change; poison is dead-lettered, a Redis failure retried from it. */
  private void changeEntry(EntryChanged event, int index) {
    try {
      entries.apply(event);
    } catch (InvalidScoreEventException e) {
      throw new BatchListenerFailedException("poison record", e, index);
    } catch (RuntimeException e) {
      throw new BatchListenerFailedException("entry change failed", e, index);
    }
  }

  /** Applies one season start; on failure the batch is retried from it. */
  private void startSeason(SeasonStarted event, int index) {
    try {
      seasons.apply(event);
    } catch (RuntimeException e) {
      throw new BatchListenerFailedException("season start failed", e, index);
    }
  }

  /** Applies the pending calls; on failure the batch is retried from their first record. */
  private void apply(List<ScriptArguments> calls, int firstPending) {
    try {
      writer.applyAll(calls);
    } catch (RuntimeException e) {
      throw new BatchListenerFailedException("apply failed", e, firstPending);
    }
  }
}
