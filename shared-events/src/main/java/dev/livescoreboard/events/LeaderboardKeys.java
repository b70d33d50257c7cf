package dev.livescoreboard.events;

/**
 * Redis key layout of the read model. Every key of one board carries the hash tag {@code {board}}
 * so one Lua script can touch all of them on Redis Cluster. The prefix lets several deployments (or
 * test runs) share one Redis; it must not contain braces.
 *
 * <ul>
 *   <li>{@code ranking}: sorted set, see {@link RankingCodec} for how order equals the ranking rule
 *   <li>{@code members}: hash userId to that user's current ranking member
 *   <li>{@code versions}: hash userId to the last applied {@code userVersion}
 *   <li>{@code names}: hash userId to display name
 *   <li>{@code seq}: counter of top-N states
 *   <li>{@code top}: the latest {@link TopNChanged} as JSON
 *   <li>{@code current-season} (per board): the board's current season: the newest started by a
 *       {@link SeasonStarted}, or a newer one that has received a score before its start arrived
 *   <li>{@code current-season-order} (per board): {@link Seasons#order} of that season, which the
 *       projector's scripts compare a scored season with
 *   <li>{@code seasons} (per board): sorted set of the board's started seasons, scored by {@link
 *       Seasons#order}, so a range read lists them in start order
 *   <li>{@code season-starts}, {@code season-ends} (per board): hashes season id to when it started
 *       and ended (ISO-8601); a current season has no end
 *   <li>{@code definition} (per board): hash of the board's latest {@link BoardDefined}, fields as
 *       {@link BoardDefinitionHash} writes them
 *   <li>{@code boards} (one per deployment, no hash tag, so its own slot): set of the ids of every
 *       defined board; written with its own idempotent {@code SADD} after the definition, never in
 *       the same script
 * </ul>
 */
public record LeaderboardKeys(String prefix) {

  public LeaderboardKeys {
    if (prefix.contains("{") || prefix.contains("}")) {
      throw new IllegalArgumentException("key prefix must not contain braces: " + prefix);
    }
  }

  public String ranking(String board, String season) {
    return key(board, season, "ranking");
  }

  public String members(String board, String season) {
    return key(board, season, "members");
  }

  public String versions(String board, String season) {
    return key(board, season, "versions");
  }

  public String names(String board, String season) {
    return key(board, season, "names");
  }

  public String seq(String board, String season) {
    return key(board, season, "seq");
  }

  public String top(String board, String season) {
    return key(board, season, "top");
  }

  /** The newest season of {@code board} that has received a score (newest by {@link Seasons}). */
  public String currentSeason(String board) {
    return prefix + "lb:{" + board + "}:current-season";
  }

  /** {@link Seasons#order} of {@link #currentSeason}'s value. */
  public String currentSeasonOrder(String board) {
    return prefix + "lb:{" + board + "}:current-season-order";
  }

  /** The board's started seasons, scored by {@link Seasons#order}. */
  public String seasons(String board) {
    return prefix + "lb:{" + board + "}:seasons";
  }

  /** Hash season id to when that season of the board started (ISO-8601). */
  public String seasonStarts(String board) {
    return prefix + "lb:{" + board + "}:season-starts";
  }

  /** Hash season id to when that season of the board ended (ISO-8601); none for the current. */
  public String seasonEnds(String board) {
    return prefix + "lb:{" + board + "}:season-ends";
  }

  /** The hash of the board's latest definition ({@link BoardDefinitionHash}). */
  public String definition(String board) {
    return prefix + "lb:{" + board + "}:definition";
  }

  /** The set of every defined board's id. */
  public String boards() {
    return prefix + "lb:boards";
  }

  /** The pub/sub channel on which every {@link TopNChanged} of every board is published. */
  public String topChangedChannel() {
    return prefix + "lb:top-changed";
  }

  /** The pub/sub channel on which every {@link RanksChanged} of every board is published. */
  public String rankChangedChannel() {
    return prefix + "lb:rank-changed";
  }

  private String key(String board, String season, String kind) {
    return prefix + "lb:{" + board + "}:" + season + ":" + kind;
  }
}
