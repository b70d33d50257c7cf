package dev.livescoreboard.projector.rebuild;

import dev.livescoreboard.events.LeaderboardKeys;
import dev.livescoreboard.projector.script.RebuildKeys;
import java.util.List;

/** The Redis keys one rebuild of a board+season writes, all sharing its {@code {board}} tag. */
record RebuildTarget(
    String ranking, String members, String versions, String names, String active, String dirty) {

  static RebuildTarget of(BoardSeason board, LeaderboardKeys layout) {
    RebuildKeys keys = new RebuildKeys(layout);
    String b = board.board();
    String s = board.season();
    return new RebuildTarget(
        keys.rebuilt(layout.ranking(b, s)),
        keys.rebuilt(layout.members(b, s)),
        keys.rebuilt(layout.versions(b, s)),
        keys.rebuilt(layout.names(b, s)),
        keys.active(b, s),
        keys.dirty(b, s));
  }

  /** The rebuilt keys, deleted before a rebuild starts (leftovers of a crashed one). */
  List<String> rebuiltKeys() {
    return List.of(ranking, members, versions, names);
  }

  /** Keys kept alive by TTL while the rebuild makes progress. */
  List<String> expiringKeys() {
    return List.of(ranking, members, versions, names, active, dirty);
  }
}
