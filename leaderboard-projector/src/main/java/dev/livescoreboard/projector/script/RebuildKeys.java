package dev.livescoreboard.projector.script;

import dev.livescoreboard.events.LeaderboardKeys;

/**
 * Redis keys of a rebuild, next to the read-model keys of {@link LeaderboardKeys} and with the same
 * {@code {board}} hash tag, so the apply script and the swap script can touch them atomically.
 *
 * <ul>
 *   <li>{@code <key>:rebuild}: the board+season being rebuilt (ranking, members, versions, names)
 *   <li>{@code rebuild:active}: marker holding the running rebuild's token (with a TTL)
 *   <li>{@code rebuild:dirty}: set of users changed by events while the marker existed
 *   <li>{@code built}: sentinel set by every completed rebuild; missing means Redis lost the board
 * </ul>
 */
public record RebuildKeys(LeaderboardKeys layout) {

  /** Where the rebuild writes the new version of a live read-model key. */
  public String rebuilt(String liveKey) {
    return liveKey + ":rebuild";
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
