package dev.livescoreboard.projector.projection;

/**
 * A well-formed {@code ScoreChanged} that cannot be projected (for example a board id that would
 * break the key layout). Retrying cannot help, so the Kafka error handler sends it straight to the
 * dead-letter topic.
 */
public class InvalidScoreEventException extends RuntimeException {

  InvalidScoreEventException(String message) {
    super(message);
  }

  InvalidScoreEventException(String message, Throwable cause) {
    super(message, cause);
  }
}
