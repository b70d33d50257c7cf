package dev.livescoreboard.projector.audit;

/**
 * What Redis holds for one user of one board+season.
 *
 * @param version the applied {@code userVersion} (0: none)
 * @param member the user's ranking member from the members hash ({@code null}: none)
 * @param sortScore the member's sorted-set score ({@code null}: not in the ranking)
 * @param name the names hash entry ({@code null}: none)
 */
record RedisEntry(long version, String member, Double sortScore, String name) {

  static final RedisEntry ABSENT = new RedisEntry(0, null, null, null);

  /** Whether the board shows the user: their member is in the ranking. */
  boolean shown() {
    return member != null && sortScore != null;
  }
}
