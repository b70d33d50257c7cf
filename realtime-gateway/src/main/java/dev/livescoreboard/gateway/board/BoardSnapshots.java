package dev.livescoreboard.gateway.board;

import dev.livescoreboard.events.TopNChanged;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The newest known top N per board, for the board's current season. Safe for any thread: a state
 * only ever moves forward (see {@link BoardState#isSupersededBy}), whatever order changes arrive in
 * from pub/sub, lazy loads and refreshes.
 */
public final class BoardSnapshots {

  private final ConcurrentMap<String, BoardState> states = new ConcurrentHashMap<>();

  /**
   * Stores {@code next} if it is newer than what is known; returns the new state if so. A republish
   * of the known state with another board size ({@link BoardState#isResizedBy}) replaces it too,
   * but is returned as nothing new: it changes no top N, so it is never broadcast.
   */
  public Optional<BoardState> apply(TopNChanged next) {
    BoardState known = states.get(next.board());
    if (known != null && !known.isSupersededBy(next)) {
      if (known.isResizedBy(next)) {
        states.computeIfPresent(
            next.board(),
            (board, current) -> current.isResizedBy(next) ? current.resized(next) : current);
      }
      return Optional.empty();
    }
    BoardState candidate = BoardState.of(next);
    BoardState result =
        states.merge(
            next.board(),
            candidate,
            (current, proposed) -> current.isSupersededBy(proposed.top()) ? proposed : current);
    return result == candidate ? Optional.of(candidate) : Optional.empty();
  }

  public Optional<BoardState> current(String board) {
    return Optional.ofNullable(states.get(board));
  }

  /** The boards that have a state. */
  public Set<String> boards() {
    return Set.copyOf(states.keySet());
  }
}
