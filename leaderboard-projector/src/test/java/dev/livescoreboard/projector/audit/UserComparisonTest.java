package dev.livescoreboard.projector.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livescoreboard.events.RankingCodec;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserComparisonTest {

  private static final Instant SETTLED_BEFORE = Instant.parse("2026-12-03T12:00:00Z");
  private static final Instant OLD = SETTLED_BEFORE.minusSeconds(60);
  private static final Instant RECENT = SETTLED_BEFORE.plusSeconds(5);
  private static final long REACHED = 1_764_000_000_123L;

  private static AuditedUser user(String status, long score, long version, Instant changedAt) {
    return new AuditedUser(
        "amy", true, score, version, REACHED, status, "Amy", changedAt, version, score, score);
  }

  private static AuditedUser amy() {
    return user("active", 50, 2, OLD);
  }

  private static RedisEntry shown(long version, long score, String name) {
    return new RedisEntry(
        version, RankingCodec.member(REACHED, "amy"), RankingCodec.sortScore(score), name);
  }

  private static List<ProblemKind> kinds(AuditedUser pg, RedisEntry redis) {
    return UserComparison.compare(pg, redis, SETTLED_BEFORE).stream()
        .map(AuditProblem::kind)
        .toList();
  }

  @Test
  void aRankedUserShownWithTheirScoreReachTimeAndNameHasNoProblem() {
    assertThat(kinds(amy(), shown(2, 50, "Amy"))).isEmpty();
  }

  @Test
  void aDifferentScoreInRedisIsAScoreMismatchWithBothValues() {
    List<AuditProblem> problems =
        UserComparison.compare(amy(), shown(2, 70, "Amy"), SETTLED_BEFORE);

    assertThat(problems)
        .containsExactly(AuditProblem.of(ProblemKind.SCORE_MISMATCH, "amy", 70L, 50L));
  }

  @Test
  void aRankedUserNotInTheRankingIsMissing() {
    assertThat(kinds(amy(), RedisEntry.ABSENT)).containsExactly(ProblemKind.MISSING_FROM_REDIS);
    RedisEntry memberWithoutScore =
        new RedisEntry(2, RankingCodec.member(REACHED, "amy"), null, "Amy");
    assertThat(kinds(amy(), memberWithoutScore)).containsExactly(ProblemKind.MISSING_FROM_REDIS);
  }

  @Test
  void anotherNameOrAnotherReachTimeIsReported() {
    assertThat(kinds(amy(), shown(2, 50, "Mallory"))).containsExactly(ProblemKind.NAME_MISMATCH);
    RedisEntry earlier =
        new RedisEntry(
            2, RankingCodec.member(REACHED - 1, "amy"), RankingCodec.sortScore(50), "Amy");
    assertThat(kinds(amy(), earlier)).containsExactly(ProblemKind.REACHED_AT_MISMATCH);
  }

  @Test
  void aNonPublicUserMustBeShownAsAnonymous() {
    AuditedUser hidden =
        new AuditedUser("amy", true, 50, 2, REACHED, "active", "Anonymous", OLD, 2, 50, 50);

    assertThat(kinds(hidden, shown(2, 50, "Amy"))).containsExactly(ProblemKind.NAME_MISMATCH);
    assertThat(kinds(hidden, shown(2, 50, "Anonymous"))).isEmpty();
  }

  @Test
  void frozenErasedAndNeverChangedUsersOnTheBoardAreReportedByStatus() {
    assertThat(kinds(user("frozen", 50, 3, OLD), shown(3, 50, "Amy")))
        .containsExactly(ProblemKind.FROZEN_ON_BOARD);
    assertThat(kinds(user("erased", 50, 3, OLD), shown(3, 50, "Amy")))
        .containsExactly(ProblemKind.ERASED_ON_BOARD);
    assertThat(kinds(user("active", 0, 0, OLD), shown(0, 0, "Amy")))
        .containsExactly(ProblemKind.EXTRA_IN_REDIS);
    assertThat(kinds(user("frozen", 50, 3, OLD), RedisEntry.ABSENT)).isEmpty();
  }

  @Test
  void aChangeYoungerThanTheGraceThatRedisHasNotAppliedYetIsInFlightNotDrift() {
    assertThat(kinds(user("active", 60, 3, RECENT), shown(2, 50, "Amy"))).isEmpty();
    assertThat(kinds(user("frozen", 50, 3, RECENT), shown(2, 50, "Amy"))).isEmpty();
    assertThat(kinds(user("active", 60, 3, OLD), shown(2, 50, "Amy")))
        .containsExactly(ProblemKind.SCORE_MISMATCH);
  }

  @Test
  void redisAheadOfTheSnapshotIsAChangeCommittedAfterItNotDrift() {
    assertThat(kinds(amy(), shown(3, 80, "Amy"))).isEmpty();
  }

  @Test
  void aScoreThatIsNotTheSumOfTheEventsIsAnEventsMismatchEvenWhenRedisAgrees() {
    AuditedUser drifted =
        new AuditedUser("amy", true, 50, 2, REACHED, "active", "Amy", OLD, 2, 40, 50);

    assertThat(UserComparison.compare(drifted, shown(2, 50, "Amy"), SETTLED_BEFORE))
        .containsExactly(new AuditProblem("amy", ProblemKind.EVENTS_MISMATCH, null, 50L, 40L));
  }

  @Test
  void aScoreThatIsNotTheNewestEventsNewScoreIsAnEventsMismatch() {
    AuditedUser drifted =
        new AuditedUser("amy", true, 50, 2, REACHED, "active", "Amy", OLD, 2, 50, 45);

    assertThat(kinds(drifted, shown(2, 50, "Amy"))).containsExactly(ProblemKind.EVENTS_MISMATCH);
  }

  @Test
  void eventsWithoutAScoreRowAreAMismatchButNotForAnErasedUser() {
    AuditedUser orphan = new AuditedUser("amy", false, 0, 0, 0, "active", "Amy", OLD, 1, 10, 10);
    AuditedUser erased = new AuditedUser("amy", false, 0, 0, 0, "erased", "Amy", OLD, 1, 10, 10);

    assertThat(kinds(orphan, RedisEntry.ABSENT)).containsExactly(ProblemKind.EVENTS_MISMATCH);
    assertThat(kinds(erased, RedisEntry.ABSENT)).isEmpty();
  }

  @Test
  void aShownUserPostgresDoesNotKnowIsExtra() {
    assertThat(UserComparison.unexpectedlyShown("ghost", null, shown(1, 5, null), SETTLED_BEFORE))
        .contains(AuditProblem.of(ProblemKind.EXTRA_IN_REDIS, "ghost", 5L, null));
    assertThat(UserComparison.unexpectedlyShown("amy", amy(), shown(2, 50, null), SETTLED_BEFORE))
        .isEmpty();
  }
}
