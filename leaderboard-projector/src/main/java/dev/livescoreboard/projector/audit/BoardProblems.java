package dev.livescoreboard.projector.audit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects the problems of one board+season: counts all of them, keeps the first {@code limit}, and
 * remembers which users were already reported as shown where they must not be, so the scan for
 * extra users does not report them twice. Single-threaded.
 */
final class BoardProblems {

  private final String board;
  private final String season;
  private final int limit;
  private final List<AuditProblem> listed = new ArrayList<>();
  private final Map<ProblemKind, Long> byKind = new EnumMap<>(ProblemKind.class);
  private final Set<String> shownButNotRanked = new HashSet<>();
  private long count;

  BoardProblems(String board, String season, int limit) {
    this.board = board;
    this.season = season;
    this.limit = limit;
  }

  void add(AuditProblem problem) {
    count++;
    byKind.merge(problem.kind(), 1L, Long::sum);
    if (listed.size() < limit) {
      listed.add(problem);
    }
    if (problem.kind() == ProblemKind.EXTRA_IN_REDIS
        || problem.kind() == ProblemKind.FROZEN_ON_BOARD
        || problem.kind() == ProblemKind.ERASED_ON_BOARD) {
      shownButNotRanked.add(problem.userId());
    }
  }

  void addAll(List<AuditProblem> problems) {
    problems.forEach(this::add);
  }

  boolean alreadyReportedAsShown(String userId) {
    return shownButNotRanked.contains(userId);
  }

  BoardAudit result(long users) {
    return new BoardAudit(
        board,
        season,
        users,
        count,
        Collections.unmodifiableMap(new EnumMap<>(byKind)),
        List.copyOf(listed));
  }
}
