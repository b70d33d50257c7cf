package dev.livescoreboard.projector.audit;

import java.util.Map;

/**
 * Totals over the whole audit.
 *
 * @param boards board+seasons checked
 * @param boardsWithProblems board+seasons with at least one problem
 * @param users ranked users checked
 * @param problems problems found (listed or not)
 * @param byKind problems per kind, only kinds that occurred
 */
record AuditSummary(
    int boards, int boardsWithProblems, long users, long problems, Map<ProblemKind, Long> byKind) {}
