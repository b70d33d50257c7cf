package dev.livescoreboard.command.score;

import dev.livescoreboard.command.outbox.OutboxMessage;
import dev.livescoreboard.events.EventJson;
import dev.livescoreboard.events.EventKeys;
import dev.livescoreboard.events.ScoreChanged;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way a score changes, for completes and admin adjustments alike: the score event, the new
 * score and the outbox row of its {@code SCORE_CHANGED}, in one statement of the caller's
 * transaction (which must hold the user's row lock, see {@code Users#LOCK_FOR_SCORE_CHANGE}).
 */
@Component
class ScoreChangeWriter {

  static final String AGGREGATE_TYPE = "score";

  private final ScoreStore scores;

  ScoreChangeWriter(ScoreStore scores) {
    this.scores = scores;
  }

  /**
   * Records {@code event}.
   *
   * @param nonce the action token's nonce, {@code null} for an adjustment
   * @param startedAt when the action was started (its token's {@code iat}), {@code null} for an
   *     adjustment
   * @param metadataJson stored with the event, may be {@code null}
   * @return {@code false} if the nonce was already used: nothing was written past the failed insert
   *     and the transaction must roll back
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean write(
      ScoreChanged event,
      String nonce,
      Instant startedAt,
      String metadataJson,
      String traceparent) {
    return scores.write(
        event,
        nonce,
        startedAt,
        metadataJson,
        new OutboxMessage(
            AGGREGATE_TYPE,
            EventKeys.scoreEvent(event.board(), event.userId()),
            ScoreChanged.TYPE,
            EventJson.toJson(event),
            traceparent));
  }
}
