package dev.livescoreboard.events;

/**
 * Kafka record keys. All events of one user on one board share a key, so they land on one partition
 * and keep their order.
 */
public final class EventKeys {

  private EventKeys() {}

  /** The key of a {@link ScoreChanged}: {@code {board}:{userId}}. */
  public static String scoreEvent(String board, String userId) {
    return board + ":" + userId;
  }
}
