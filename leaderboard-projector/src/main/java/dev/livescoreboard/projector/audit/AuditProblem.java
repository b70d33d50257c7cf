package dev.livescoreboard.projector.audit;

/**
 * One drifted value.
 *
 * @param userId whose entry
 * @param redis what Redis holds (a score, a name, a member; {@code null}: nothing)
 * @param postgres what {@code user_scores}/{@code users} hold ({@code null}: no row, or not ranked)
 * @param events what the event log says (the sum of deltas; {@code null}: not compared)
 */
record AuditProblem(String userId, ProblemKind kind, Object redis, Object postgres, Object events) {

  static AuditProblem of(ProblemKind kind, String userId, Object redis, Object postgres) {
    return new AuditProblem(userId, kind, redis, postgres, null);
  }
}
