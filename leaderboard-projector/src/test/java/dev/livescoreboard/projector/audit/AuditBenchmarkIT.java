package dev.livescoreboard.projector.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livescoreboard.events.LeaderboardKeys;
import dev.livescoreboard.events.RankingCodec;
import dev.livescoreboard.projector.postgres.ScoredSeasons;
import dev.livescoreboard.projector.rebuild.ScoreboardDatabase;
import dev.livescoreboard.testsupport.TestRedis;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.RedisClient;

/**
 * Not a test: a measurement tool for the audit of a large board. Skipped unless {@code
 * -Dscoreboard.bench.audit=true}; then it COPYs N users (default 1,000,000, {@code
 * -Dscoreboard.bench.audit.users=}), each with a score row and {@code events} events (default 2),
 * into a fresh embedded PostgreSQL, writes the matching board into the real test Redis, audits it
 * and prints the time. Run: {@code mvn -q -pl leaderboard-projector verify
 * -Dit.test=AuditBenchmarkIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dscoreboard.bench.audit=true}.
 */
@EnabledIfSystemProperty(named = "scoreboard.bench.audit", matches = "true")
class AuditBenchmarkIT {

  private static final String BOARD = "bench";
  private static final String SEASON = "all-time";
  private static final long T0 = Instant.parse("2026-11-01T00:00:00Z").toEpochMilli();

  @Test
  void auditOfALargeBoard() throws Exception {
    int users = Integer.getInteger("scoreboard.bench.audit.users", 1_000_000);
    int events = Integer.getInteger("scoreboard.bench.audit.events", 2);
    ScoreboardDatabase db = ScoreboardDatabase.create();
    db.board(BOARD);
    long seedStart = System.nanoTime();
    seedPostgres(db, users, events);
    LeaderboardKeys keys = new LeaderboardKeys(TestRedis.shared().newKeyPrefix());
    try (RedisClient redis = RedisClient.create(URI.create(TestRedis.shared().url()))) {
      seedRedis(redis, keys, users, events);
      System.out.printf(
          "seeded %,d users with %d events each in %.1f s%n", users, events, seconds(seedStart));
      DriverManagerDataSource dataSource =
          new DriverManagerDataSource(db.db.jdbcUrl(), db.db.username(), db.db.password());
      ConsistencyAudit audit =
          new ConsistencyAudit(
              new PostgresAudit(
                  dataSource,
                  new ScoredSeasons(dataSource),
                  new DataSourceTransactionManager(dataSource)),
              new RedisAudit(redis, keys),
              new AuditSettings(Duration.ofSeconds(10), 1000, 10_000, 100),
              new DefaultListableBeanFactory().getBeanProvider(Clock.class));
      for (int run = 1; run <= 2; run++) {
        AuditReport report = audit.run();
        System.out.printf(
            "AUDIT run %d: %,d users, %,d events in %.2f s = %,.0f users/s, ok=%s%n",
            run,
            report.summary().users(),
            (long) users * events,
            report.durationMs() / 1000.0,
            report.summary().users() / (report.durationMs() / 1000.0),
            report.ok());
        assertThat(report.ok()).as(report.summary().toString()).isTrue();
        assertThat(report.summary().users()).isEqualTo(users * 9L / 10);
      }
      redis.unlink(redis.keys(keys.prefix() + "*").toArray(String[]::new));
    }
  }

  /** 90 % active (of them 10 % not public), 5 % frozen, 5 % erased; {@code events} each. */
  private static void seedPostgres(ScoreboardDatabase db, int users, int events) throws Exception {
    try (Connection connection =
        DriverManager.getConnection(db.db.jdbcUrl(), db.db.username(), db.db.password())) {
      PGConnection pg = connection.unwrap(PGConnection.class);
      copy(
          pg,
          "COPY users (id, display_name, status, public) FROM STDIN",
          users,
          i -> "user-" + i + "\tPlayer " + i + "\t" + status(i) + "\t" + (i % 10 != 3) + "\n");
      copy(
          pg,
          "COPY user_scores (board_id, season, user_id, score, version, reached_at, updated_at)"
              + " FROM STDIN",
          users,
          i ->
              String.join(
                      "\t",
                      BOARD,
                      SEASON,
                      "user-" + i,
                      Long.toString(score(i) * events),
                      Integer.toString(events),
                      Instant.ofEpochMilli(reached(i)).toString(),
                      Instant.ofEpochMilli(reached(i)).toString())
                  + "\n");
      copy(
          pg,
          "COPY score_events (id, board_id, season, user_id, action_type, delta, previous_score,"
              + " new_score, user_version, action_nonce, reached_at, committed_at) FROM STDIN",
          users * events,
          n -> {
            int i = n / events;
            int v = n % events + 1;
            String at = Instant.ofEpochMilli(reached(i)).toString();
            return String.join(
                    "\t",
                    new java.util.UUID(i, v).toString(),
                    BOARD,
                    SEASON,
                    "user-" + i,
                    "COMPLETE_LEVEL",
                    Long.toString(score(i)),
                    Long.toString(score(i) * (v - 1)),
                    Long.toString(score(i) * v),
                    Integer.toString(v),
                    "n-" + i + "-" + v,
                    at,
                    at)
                + "\n";
          });
      connection.createStatement().execute("ANALYZE");
    }
  }

  /** The board the events built: every active user, as the projector writes them. */
  private static void seedRedis(RedisClient redis, LeaderboardKeys keys, int users, int events) {
    int batch = 10_000;
    for (int from = 0; from < users; from += batch) {
      Map<String, Double> ranking = new HashMap<>();
      Map<String, String> members = new HashMap<>();
      Map<String, String> versions = new HashMap<>();
      Map<String, String> names = new HashMap<>();
      for (int i = from; i < Math.min(users, from + batch); i++) {
        if (!"active".equals(status(i))) {
          continue;
        }
        String user = "user-" + i;
        String member = RankingCodec.member(reached(i), user);
        ranking.put(member, RankingCodec.sortScore(score(i) * events));
        members.put(user, member);
        versions.put(user, Integer.toString(events));
        names.put(user, i % 10 != 3 ? "Player " + i : PostgresAudit.ANONYMOUS);
      }
      try (AbstractPipeline pipeline = redis.pipelined()) {
        pipeline.zadd(keys.ranking(BOARD, SEASON), ranking);
        pipeline.hset(keys.members(BOARD, SEASON), members);
        pipeline.hset(keys.versions(BOARD, SEASON), versions);
        pipeline.hset(keys.names(BOARD, SEASON), names);
        pipeline.sync();
      }
    }
  }

  private static long score(int i) {
    return 1 + (i * 7919L) % 5000;
  }

  private static long reached(int i) {
    return T0 + (i * 104_729L) % (86_400_000L * 20);
  }

  private static String status(int i) {
    return switch (i % 20) {
      case 7 -> "frozen";
      case 13 -> "erased";
      default -> "active";
    };
  }

  private static void copy(PGConnection pg, String sql, int rows, IntFunction<String> line)
      throws Exception {
    CopyIn copy = pg.getCopyAPI().copyIn(sql);
    StringBuilder chunk = new StringBuilder(1 << 20);
    for (int i = 0; i < rows; i++) {
      chunk.append(line.apply(i));
      if (chunk.length() > (1 << 20) - 300 || i == rows - 1) {
        byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        chunk.setLength(0);
      }
    }
    copy.endCopy();
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
