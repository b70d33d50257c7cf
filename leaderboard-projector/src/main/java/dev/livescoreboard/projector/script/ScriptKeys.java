package dev.livescoreboard.projector.script;

import dev.livescoreboard.events.LeaderboardKeys;
import java.util.ArrayList;
import java.util.List;

/**
 * The KEYS of the projector's two scripts, built in one place because both scripts read the same
 * first eight: the live read-model keys of one board and season ({@link #live}). Besides the
 * read-model keys of {@link LeaderboardKeys}, a rebuild uses keys of its own, with the same {@code
 * {board}} hash tag so the apply script and the swap script can touch them atomically:
 *
 * <ul>
 *   <li>{@code <key>:rebuild}: the board+season being rebuilt (ranking, members, versions, names)
 *   <li>{@code rebuild:active}: marker holding the running rebuild's token (with a TTL)
 *   <li>{@code rebuild:dirty}: set of users changed by events while the marker existed
 *   <li>{@code built}: sentinel set by every completed rebuild; missing means Redis lost the board
 * </ul>
 */
public record ScriptKeys(LeaderboardKeys layout) {

  /**
   * KEYS[1..8] of both scripts: ranking, members, versions, names, seq, top, current season and its
   * order. The first four are what a rebuild writes anew ({@link #rebuilt}).
   */
  public List<String> live(String board, String season) {
    return List.of(
        layout.ranking(board, season),
        layout.members(board, season),
        layout.versions(board, season),
        layout.names(board, season),
        layout.seq(board, season),
        layout.top(board, season),
        layout.currentSeason(board),
        layout.currentSeasonOrder(board));
  }

  /**
   * KEYS of {@code lua/apply-score-event.lua}: {@link #live}, then the rebuild marker and dirty
   * set, then the board's definition (for its top-N size).
   */
  public List<String> apply(String board, String season) {
    List<String> keys = new ArrayList<>(live(board, season));
    keys.add(active(board, season));
    keys.add(dirty(board, season));
    keys.add(layout.definition(board));
    return List.copyOf(keys);
  }

  /**
   * KEYS of {@code lua/swap-rebuilt-board.lua}: {@link #live}, the four rebuilt keys, the rebuild
   * marker, the dirty set and the built sentinel.
   */
  public List<String> swap(String board, String season) {
    List<String> live = live(board, season);
    List<String> keys = new ArrayList<>(live);
    keys.addAll(rebuilt(board, season));
    keys.add(active(board, season));
    keys.add(dirty(board, season));
    keys.add(built(board, season));
    return List.copyOf(keys);
  }

  /**
   * The keys a rebuild writes: ranking, members, versions and names, each with {@code :rebuild}.
   */
  public List<String> rebuilt(String board, String season) {
    return live(board, season).subList(0, 4).stream().map(key -> key + ":rebuild").toList();
  }

  public String active(String board, String season) {
    return base(board, season) + "rebuild:active";
  }

  public String dirty(String board, String season) {
    return base(board, season) + "rebuild:dirty";
  }

  public String built(String board, String season) {
    return base(board, season) + "built";
  }

  private String base(String board, String season) {
    // ranking is "<prefix>lb:{board}:<season>:ranking"; the rebuild keys share everything but
    // the last part.
    String ranking = layout.ranking(board, season);
    return ranking.substring(0, ranking.length() - "ranking".length());
  }
}
