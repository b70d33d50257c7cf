package dev.livescoreboard.events;

/**
 * Kafka record keys. All events of one user on one board share a key, so they land on one partition
 * and keep their order. The events of one board's definition share the key {@link #boardEvent}, so
 * they keep their order too; a board event and a score event of the same board may land on
 * different partitions, which is harmless because the read model applies each kind by its own
 * version.
 */
public final class EventKeys {

  private EventKeys() {}

  /** The key of a {@link ScoreChanged} and of an {@link EntryChanged}: {@code {board}:{userId}}. */
  public static String scoreEvent(String board, String userId) {
    return board + ":" + userId;
  }

  /** The key of a {@link BoardDefined} (and later board-wide events): {@code {board}}. */
  public static String boardEvent(String board) {
    return board;
  }
}
