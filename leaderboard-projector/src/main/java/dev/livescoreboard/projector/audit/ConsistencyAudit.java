package dev.livescoreboard.projector.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Runs the audit: every board+season PostgreSQL has score rows for or Redis has a ranking for, and
 * every board's current season, then the outbox. Runs on the calling (HTTP) thread; reads only.
 */
@Component
class ConsistencyAudit {

  private static final Logger log = LoggerFactory.getLogger(ConsistencyAudit.class);

  private final PostgresAudit postgres;
  private final RedisAudit redis;
  private final AuditSettings settings;
  private final Clock clock;

  ConsistencyAudit(
      PostgresAudit postgres,
      RedisAudit redis,
      AuditSettings settings,
      ObjectProvider<Clock> clock) {
    this.postgres = postgres;
    this.redis = redis;
    this.settings = settings;
    // An application clock if one is defined (tests), the system clock otherwise.
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  AuditReport run() {
    long start = System.nanoTime();
    Instant checkedAt = clock.instant();
    Instant settledBefore = checkedAt.minus(settings.grace());
    TreeSet<AuditedBoard> boards = new TreeSet<>(postgres.scoredSeasons());
    boards.addAll(postgres.currentSeasons(checkedAt));
    boards.addAll(redis.rankedSeasons());
    List<BoardAudit> audits = new ArrayList<>(boards.size());
    for (AuditedBoard board : boards) {
      audits.add(audit(board, settledBefore));
    }
    Instant outboxCheckedAt = clock.instant();
    OutboxAudit outbox = postgres.outbox(outboxCheckedAt, outboxCheckedAt.minus(settings.grace()));
    AuditReport report =
        AuditReport.of(
            checkedAt, Duration.ofNanos(System.nanoTime() - start).toMillis(), audits, outbox);
    if (report.ok()) {
      log.info("audit ok: {}", report.summary());
    } else {
      log.warn("audit found drift: {}, outbox {}", report.summary(), report.outbox());
    }
    return report;
  }

  private BoardAudit audit(AuditedBoard board, Instant settledBefore) {
    BoardProblems problems =
        new BoardProblems(board.board(), board.season(), settings.maxProblemsPerBoard());
    UserBatch batch = new UserBatch(board, problems, settledBefore);
    postgres.streamUsers(board, settings.fetchSize(), batch::add);
    batch.flush();
    // Read after the stream: a user applied meanwhile can only trigger a needless scan, never hide
    // an extra user.
    if (redis.rankingSize(board) > batch.shown) {
      scanForUnrankedUsers(board, problems, settledBefore);
    }
    return problems.result(batch.ranked);
  }

  /**
   * Redis shows more users than PostgreSQL's rows account for: walk the ranking and look up its
   * users in PostgreSQL, a batch at a time.
   */
  private void scanForUnrankedUsers(
      AuditedBoard board, BoardProblems problems, Instant settledBefore) {
    redis.streamRanking(
        board,
        settings.batchSize(),
        page -> {
          List<RedisAudit.RankedMember> unreported =
              page.stream().filter(m -> !problems.alreadyReportedAsShown(m.userId())).toList();
          if (unreported.isEmpty()) {
            return;
          }
          List<String> ids = unreported.stream().map(RedisAudit.RankedMember::userId).toList();
          Map<String, AuditedUser> known = postgres.users(board, ids);
          List<Long> versions = redis.versions(board, ids);
          for (int i = 0; i < unreported.size(); i++) {
            RedisAudit.RankedMember member = unreported.get(i);
            RedisEntry entry =
                new RedisEntry(versions.get(i), member.member(), member.sortScore(), null);
            UserComparison.unexpectedlyShown(
                    member.userId(), known.get(member.userId()), entry, settledBefore)
                .ifPresent(problems::add);
          }
        });
  }

  /** Buffers streamed users and compares them with Redis one pipeline at a time. */
  private final class UserBatch {

    private final AuditedBoard board;
    private final BoardProblems problems;
    private final Instant settledBefore;
    private final List<AuditedUser> users = new ArrayList<>();
    private long ranked;
    private long shown;

    UserBatch(AuditedBoard board, BoardProblems problems, Instant settledBefore) {
      this.board = board;
      this.problems = problems;
      this.settledBefore = settledBefore;
    }

    void add(AuditedUser user) {
      users.add(user);
      if (users.size() >= settings.batchSize()) {
        flush();
      }
    }

    void flush() {
      if (users.isEmpty()) {
        return;
      }
      List<RedisEntry> entries =
          redis.entries(board, users.stream().map(AuditedUser::userId).toList());
      for (int i = 0; i < users.size(); i++) {
        AuditedUser user = users.get(i);
        RedisEntry entry = entries.get(i);
        if (user.ranked()) {
          ranked++;
        }
        if (entry.shown()) {
          shown++;
        }
        problems.addAll(UserComparison.compare(user, entry, settledBefore));
      }
      users.clear();
    }
  }
}
