package dev.livescoreboard.projector.audit;

import dev.livescoreboard.events.RankingCodec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The audit's rules for one user of one board+season, without I/O: PostgreSQL's score against the
 * event log, and Redis against PostgreSQL.
 *
 * <p>Redis is read after PostgreSQL's snapshot, so it may be ahead (a newer version: an event
 * committed meanwhile, not drift), and it may lag a change younger than {@code settledBefore} (in
 * flight through the outbox and Kafka, not drift). Only settled differences are problems.
 */
final class UserComparison {

  private UserComparison() {}

  static List<AuditProblem> compare(AuditedUser pg, RedisEntry redis, Instant settledBefore) {
    List<AuditProblem> problems = new ArrayList<>(2);
    eventLog(pg).ifPresent(problems::add);
    if (!redisComparable(pg, redis, settledBefore)) {
      return problems;
    }
    if (pg.ranked()) {
      shownCorrectly(pg, redis, problems);
    } else {
      unexpectedlyShown(pg.userId(), pg, redis, settledBefore).ifPresent(problems::add);
    }
    return problems;
  }

  /**
   * A user the Redis board shows although PostgreSQL does not rank them ({@code pg} {@code null}:
   * PostgreSQL does not know the user at all).
   */
  static Optional<AuditProblem> unexpectedlyShown(
      String userId, AuditedUser pg, RedisEntry redis, Instant settledBefore) {
    if (!redis.shown()) {
      return Optional.empty();
    }
    Long redisScore = RankingCodec.score(redis.sortScore());
    if (pg == null) {
      return Optional.of(AuditProblem.of(ProblemKind.EXTRA_IN_REDIS, userId, redisScore, null));
    }
    if (pg.ranked() || !redisComparable(pg, redis, settledBefore)) {
      return Optional.empty();
    }
    return Optional.of(
        AuditProblem.of(
            notRankedKind(pg.status()), userId, redisScore, pg.hasScoreRow() ? pg.score() : null));
  }

  /** The kind of problem for a user that is shown although PostgreSQL does not rank them. */
  static ProblemKind notRankedKind(String status) {
    return switch (status == null ? "" : status) {
      case AuditedUser.FROZEN -> ProblemKind.FROZEN_ON_BOARD;
      case AuditedUser.ERASED -> ProblemKind.ERASED_ON_BOARD;
      default -> ProblemKind.EXTRA_IN_REDIS;
    };
  }

  /**
   * Score row against events. Erased users are left out: erasure may rewrite their rows, and their
   * events are kept only as a pseudonymous record.
   */
  private static Optional<AuditProblem> eventLog(AuditedUser pg) {
    if (AuditedUser.ERASED.equals(pg.status())) {
      return Optional.empty();
    }
    boolean consistent =
        pg.hasScoreRow()
            ? pg.score() == pg.eventSum()
                && (pg.eventCount() == 0 || pg.score() == pg.newestEventScore())
            : pg.eventCount() == 0;
    if (consistent) {
      return Optional.empty();
    }
    return Optional.of(
        new AuditProblem(
            pg.userId(),
            ProblemKind.EVENTS_MISMATCH,
            null,
            pg.hasScoreRow() ? pg.score() : null,
            pg.eventSum()));
  }

  private static boolean redisComparable(AuditedUser pg, RedisEntry redis, Instant settledBefore) {
    if (redis.version() > pg.version()) {
      return false;
    }
    return redis.version() == pg.version() || !pg.changedAt().isAfter(settledBefore);
  }

  private static void shownCorrectly(AuditedUser pg, RedisEntry redis, List<AuditProblem> out) {
    if (!redis.shown()) {
      out.add(AuditProblem.of(ProblemKind.MISSING_FROM_REDIS, pg.userId(), null, pg.score()));
      return;
    }
    long redisScore = RankingCodec.score(redis.sortScore());
    if (redisScore != pg.score()) {
      out.add(AuditProblem.of(ProblemKind.SCORE_MISMATCH, pg.userId(), redisScore, pg.score()));
    }
    String expectedMember = RankingCodec.member(pg.reachedAtMillis(), pg.userId());
    if (!expectedMember.equals(redis.member())) {
      out.add(
          AuditProblem.of(
              ProblemKind.REACHED_AT_MISMATCH, pg.userId(), redis.member(), expectedMember));
    }
    if (!pg.publicName().equals(redis.name())) {
      out.add(
          AuditProblem.of(ProblemKind.NAME_MISMATCH, pg.userId(), redis.name(), pg.publicName()));
    }
  }
}
