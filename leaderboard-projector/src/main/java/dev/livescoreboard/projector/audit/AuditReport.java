package dev.livescoreboard.projector.audit;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The answer of {@code POST /api/v1/admin/audit}.
 *
 * @param ok no problem on any board and no stale outbox row
 */
record AuditReport(
    boolean ok,
    Instant checkedAt,
    long durationMs,
    List<BoardAudit> boards,
    OutboxAudit outbox,
    AuditSummary summary) {

  static AuditReport of(
      Instant checkedAt, long durationMs, List<BoardAudit> boards, OutboxAudit outbox) {
    Map<ProblemKind, Long> byKind = new EnumMap<>(ProblemKind.class);
    long users = 0;
    long problems = 0;
    int withProblems = 0;
    for (BoardAudit board : boards) {
      users += board.users();
      problems += board.problemCount();
      if (board.problemCount() > 0) {
        withProblems++;
      }
      board.byKind().forEach((kind, n) -> byKind.merge(kind, n, Long::sum));
    }
    AuditSummary summary = new AuditSummary(boards.size(), withProblems, users, problems, byKind);
    return new AuditReport(
        problems == 0 && outbox.ok(), checkedAt, durationMs, List.copyOf(boards), outbox, summary);
  }
}
