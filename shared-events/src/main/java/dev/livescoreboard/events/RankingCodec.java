package dev.livescoreboard.events;

/**
 * Encodes the ranking rule into a Redis sorted set so that ascending Redis order is rank order.
 *
 * <p>Rule: higher score first; among equal scores, who reached it first; then the smaller userId.
 * The sorted-set score is {@code -score}, so higher scores sort first. Redis orders equal scores by
 * member bytes, so the member is the zero-padded epoch millisecond of reaching the score followed
 * by the userId: earlier reach, then smaller userId, sort first.
 *
 * <p>Why not pack both into the double: a double holds 53 exact bits, and a score up to the cap
 * plus an epoch millisecond needs more; packing would lose either precision or range.
 */
public final class RankingCodec {

  private static final int MILLIS_DIGITS = 13;

  private RankingCodec() {}

  /** The sorted-set score for a leaderboard score. */
  public static double sortScore(long score) {
    return -(double) score;
  }

  /** The leaderboard score for a sorted-set score. */
  public static long score(double sortScore) {
    return (long) -sortScore;
  }

  /** The sorted-set member of a user who reached their score at {@code reachedAtMillis}. */
  public static String member(long reachedAtMillis, String userId) {
    if (reachedAtMillis < 0) {
      throw new IllegalArgumentException("reachedAt before 1970: " + reachedAtMillis);
    }
    String millis = Long.toString(reachedAtMillis);
    return "0".repeat(Math.max(0, MILLIS_DIGITS - millis.length())) + millis + ":" + userId;
  }

  /** The userId inside a member made by {@link #member(long, String)}. */
  public static String userId(String member) {
    return member.substring(member.indexOf(':') + 1);
  }
}
