package dev.livescoreboard.projector.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditReportTest {

  private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
  private static final OutboxAudit PUBLISHED = new OutboxAudit(0, 0, 0);

  @Test
  void boardsListAtMostTheLimitButCountEveryProblemPerKind() {
    BoardProblems problems = new BoardProblems("global", "all-time", 2);
    for (int i = 0; i < 5; i++) {
      problems.add(AuditProblem.of(ProblemKind.SCORE_MISMATCH, "u" + i, 1L, 2L));
    }
    problems.add(AuditProblem.of(ProblemKind.FROZEN_ON_BOARD, "f", 1L, 1L));

    BoardAudit board = problems.result(10);

    assertThat(board.problems()).hasSize(2);
    assertThat(board.problemCount()).isEqualTo(6);
    assertThat(board.byKind())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(ProblemKind.SCORE_MISMATCH, 5L, ProblemKind.FROZEN_ON_BOARD, 1L));
    assertThat(problems.alreadyReportedAsShown("f")).isTrue();
    assertThat(problems.alreadyReportedAsShown("u0")).isFalse();
  }

  @Test
  void okOnlyWithoutProblemsAndWithoutAStaleOutboxRow() {
    BoardAudit clean = new BoardProblems("global", "all-time", 10).result(3);
    BoardProblems dirty = new BoardProblems("daily", "2026-12-03", 10);
    dirty.add(AuditProblem.of(ProblemKind.MISSING_FROM_REDIS, "amy", null, 5L));

    assertThat(AuditReport.of(NOW, 1, List.of(clean), PUBLISHED).ok()).isTrue();
    assertThat(AuditReport.of(NOW, 1, List.of(clean), new OutboxAudit(3, 2, 0)).ok())
        .as("young unpublished rows are in flight")
        .isTrue();
    assertThat(AuditReport.of(NOW, 1, List.of(clean), new OutboxAudit(3, 600, 1)).ok()).isFalse();
    AuditReport drifted = AuditReport.of(NOW, 1, List.of(clean, dirty.result(1)), PUBLISHED);
    assertThat(drifted.ok()).isFalse();
    assertThat(drifted.summary())
        .isEqualTo(new AuditSummary(2, 1, 4, 1, Map.of(ProblemKind.MISSING_FROM_REDIS, 1L)));
  }
}
