package dev.livescoreboard.projector.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livescoreboard.events.LeaderboardKeys;
import dev.livescoreboard.projector.postgres.ScoredSeasons;
import dev.livescoreboard.projector.projection.BoardDefinitionWriter;
import dev.livescoreboard.projector.projection.ProjectionSettings;
import dev.livescoreboard.testsupport.TestRedis;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.RedisClient;

/**
 * Not a test: a measurement tool (SPEC §8 target: 1,000,000-user rebuild ≤ 30 s). Skipped unless
 * {@code -Dscoreboard.bench.rebuild=true}; then it COPYs N users (default 1,000,000, {@code
 * -Dscoreboard.bench.rebuild.users=}) into a fresh embedded PostgreSQL (fsync off), rebuilds the
 * board twice into the real test Redis (into an empty board, then over the live one) and prints
 * users/s and seconds. Run: {@code mvn -o -q -pl leaderboard-projector verify
 * -Dit.test=RebuildBenchmarkIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dscoreboard.bench.rebuild=true}.
 */
@EnabledIfSystemProperty(named = "scoreboard.bench.rebuild", matches = "true")
class RebuildBenchmarkIT {

  private static final String BOARD = "bench";
  private static final String SEASON = "all-time";
  private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

  @Test
  void rebuildOfAMillionUserBoard() throws Exception {
    int users = Integer.getInteger("scoreboard.bench.rebuild.users", 1_000_000);
    ScoreboardDatabase db = ScoreboardDatabase.create();
    db.board(BOARD);
    long seedStart = System.nanoTime();
    seed(db, users);
    db.jdbc.execute("ANALYZE users");
    db.jdbc.execute("ANALYZE user_scores");
    System.out.printf("seeded %,d users in %.1f s%n", users, seconds(seedStart));

    LeaderboardKeys keys = new LeaderboardKeys(TestRedis.shared().newKeyPrefix());
    DriverManagerDataSource dataSource =
        new DriverManagerDataSource(db.db.jdbcUrl(), db.db.username(), db.db.password());
    RebuildSettings settings =
        new RebuildSettings(false, Duration.ofSeconds(30), 10_000, 10_000, Duration.ofMinutes(10));
    try (RedisClient redis = RedisClient.create(URI.create(TestRedis.shared().url()))) {
      redis.sendCommand(Protocol.Command.CONFIG, "RESETSTAT");
      LeaderboardRebuilder rebuilder =
          new LeaderboardRebuilder(
              redis,
              keys,
              new BoardDefinitionWriter(redis, keys, new ProjectionSettings(10)),
              settings,
              new PostgresScores(
                  dataSource,
                  new ScoredSeasons(dataSource),
                  new DataSourceTransactionManager(dataSource)),
              new SimpleMeterRegistry());
      PostgresScores scores =
          new PostgresScores(
              dataSource,
              new ScoredSeasons(dataSource),
              new DataSourceTransactionManager(dataSource));
      long readStart = System.nanoTime();
      long[] sink = {0};
      long read =
          scores.streamRankedUsers(
              new BoardSeason(BOARD, SEASON), 10_000, u -> sink[0] += u.score());
      System.out.printf(
          "PostgreSQL alone: %,d ranked users streamed in %.2f s%n", read, seconds(readStart));
      for (String run : new String[] {"into an empty board", "over the live board"}) {
        RebuildResult result = rebuilder.rebuild(new BoardSeason(BOARD, SEASON), "bench");
        double secs = result.durationMillis() / 1000.0;
        System.out.printf(
            "REBUILD %s: %,d users in %.2f s = %,.0f users/s%n",
            run, result.users(), secs, result.users() / secs);
        assertThat(redis.zcard(keys.ranking(BOARD, SEASON))).isEqualTo(users * 9L / 10);
      }
      // Server-side time per command, to tell Redis work from client work.
      redis
          .info("commandstats")
          .lines()
          .filter(line -> line.matches("cmdstat_(zadd|hset|unlink|evalsha|eval):.*"))
          .forEach(line -> System.out.println("REDIS " + line));
      redis.unlink(redis.keys(keys.prefix() + "*").toArray(String[]::new));
    }
  }

  /** 90 % active (of them 10 % not public), 5 % frozen, 5 % erased; one score row each. */
  private static void seed(ScoreboardDatabase db, int users) throws Exception {
    SplittableRandom random = new SplittableRandom(42);
    long t0 = T0.toEpochMilli();
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
          i -> {
            Instant reached = Instant.ofEpochMilli(t0 + random.nextLong(86_400_000L * 20));
            return BOARD
                + "\t"
                + SEASON
                + "\tuser-"
                + i
                + "\t"
                + random.nextInt(1_000_000)
                + "\t"
                + (1 + random.nextInt(50))
                + "\t"
                + reached
                + "\t"
                + reached
                + "\n";
          });
    }
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
      if (chunk.length() > (1 << 20) - 200 || i == rows - 1) {
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
