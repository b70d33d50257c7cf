package dev.livescoreboard.gateway.board;

import dev.livescoreboard.events.TopNChanged;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A read model in memory, for tests of logic that does not care about Redis. */
public final class InMemoryLeaderboardStore implements LeaderboardStore {

  private final Map<String, TopNChanged> current = new ConcurrentHashMap<>();
  private volatile boolean reachable = true;

  /** Makes {@code top} the current state of its board. */
  public InMemoryLeaderboardStore put(TopNChanged top) {
    current.put(top.board(), top);
    return this;
  }

  public void reachable(boolean reachable) {
    this.reachable = reachable;
  }

  @Override
  public Optional<String> currentSeason(String board) {
    requireReachable();
    return Optional.ofNullable(current.get(board)).map(TopNChanged::season);
  }

  @Override
  public Optional<TopNChanged> top(String board, String season) {
    requireReachable();
    return Optional.ofNullable(current.get(board)).filter(top -> top.season().equals(season));
  }

  @Override
  public boolean isReachable() {
    return reachable;
  }

  private void requireReachable() {
    if (!reachable) {
      throw new IllegalStateException("store unreachable");
    }
  }
}
