package dev.livescoreboard.projector.rebuild;

import dev.livescoreboard.events.LeaderboardKeys;
import dev.livescoreboard.projector.script.ScriptKeys;
import java.util.List;

/** The Redis keys one rebuild of a board+season writes, all sharing its {@code {board}} tag. */
record RebuildTarget(
    String ranking, String members, String versions, String names, String active, String dirty) {

  static RebuildTarget of(BoardSeason board, LeaderboardKeys layout) {
    ScriptKeys keys = new ScriptKeys(layout);
    String b = board.board();
    String s = board.season();
    List<String> rebuilt = keys.rebuilt(b, s);
    return new RebuildTarget(
        rebuilt.get(0),
        rebuilt.get(1),
        rebuilt.get(2),
        rebuilt.get(3),
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
