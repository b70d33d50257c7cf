package dev.livescoreboard.projector.audit;

import java.util.List;
import java.util.Map;

/**
 * The audit of one board+season.
 *
 * @param users users PostgreSQL ranks on it (active, version above 0)
 * @param problemCount every problem found, listed or not
 * @param byKind every problem found per kind, listed or not
 * @param problems the first problems found, at most {@code scoreboard.audit.max-problems-per-board}
 */
record BoardAudit(
    String board,
    String season,
    long users,
    long problemCount,
    Map<ProblemKind, Long> byKind,
    List<AuditProblem> problems) {}
