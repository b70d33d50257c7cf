package dev.livescoreboard.command.asof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livescoreboard.command.CommandApiTestBase;
import dev.livescoreboard.testsupport.TestAuth;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Not a test: a measurement tool (issue 12: the board as of an instant must be fast on a million
 * events). Skipped unless {@code -Dscoreboard.bench.asof=true}; then it seeds N events (default
 * 1,000,000, {@code -Dscoreboard.bench.asof.events=}) for U users (default 20,000, {@code
 * -Dscoreboard.bench.asof.users=}) spread over 30 days on one board, and times {@code GET
 * /api/v1/admin/boards/{id}/as-of} through the real application at the end of that period, in its
 * middle and near its start, printing the milliseconds and the query plan.
 *
 * <p>The seed is written with SQL ({@code COPY}), not through the API: a million completes would
 * take far longer than the measurement, and the shape of the rows (one version sequence per user,
 * commit times growing with it) is all the query depends on. This is the ONLY place where events
 * are seeded by SQL. Run: {@code ./mvnw -B -q -pl command-api -am verify
 * -Dit.test=BoardAsOfBenchmarkIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dscoreboard.bench.asof=true}.
 */
@EnabledIfSystemProperty(named = "scoreboard.bench.asof", matches = "true")
// It measures the query, not a request's bounds on PostgreSQL: the seeding (COPY, VACUUM) and a
// cold first run take longer than application.yml lets one statement of a request run.
@TestPropertySource(
    properties = {
      "spring.datasource.hikari.data-source-properties.socketTimeout=0",
      "spring.datasource.hikari.data-source-properties.options=-c statement_timeout=0"
    })
class BoardAsOfBenchmarkIT extends CommandApiTestBase {

  private static final String BOARD = "bench";
  private static final Instant T0 = Instant.parse("2026-10-01T00:00:00Z");
  private static final long PERIOD_MICROS = Duration.ofDays(30).toNanos() / 1000;
  private static final int RUNS = 7;

  @Autowired private DataSource dataSource;

  @Test
  void asOfOnAMillionEvents() throws Exception {
    int events = Integer.getInteger("scoreboard.bench.asof.events", 1_000_000);
    int users = Integer.getInteger("scoreboard.bench.asof.users", 20_000);
    jdbc.sql("INSERT INTO boards (id, title, top_n) VALUES (?, 'Bench', 100)")
        .param(BOARD)
        .update();
    long seedStart = System.nanoTime();
    seed(users, events);
    jdbc.sql("ANALYZE users").update();
    allVisible();
    System.out.printf(
        "AS-OF seeded %,d events of %,d users in %.1f s%n",
        events, users, (System.nanoTime() - seedStart) / 1e9);
    String admin = TestAuth.shared().mint("bench-admin", "Admin", List.of("scoreboard:admin"));

    for (double fraction : new double[] {1.0, 0.5, 0.1}) {
      Instant at = T0.plusNanos((long) (PERIOD_MICROS * fraction) * 1000);
      long[] millis = new long[RUNS];
      Response last = null;
      for (int run = 0; run < RUNS; run++) {
        long start = System.nanoTime();
        last = get("/api/v1/admin/boards/" + BOARD + "/as-of?limit=100&at=" + at, admin);
        millis[run] = (System.nanoTime() - start) / 1_000_000;
        assertThat(last.status()).as(String.valueOf(last)).isEqualTo(200);
      }
      long first = millis[0];
      Arrays.sort(millis);
      System.out.printf(
          "AS-OF at %.0f%% of the period (%s): %d users ranked, first %d ms, median %d ms,"
              + " max %d ms over %d runs%n",
          fraction * 100,
          at,
          last.body().path("totalUsers").asLong(),
          first,
          millis[RUNS / 2],
          millis[RUNS - 1],
          RUNS);
      assertThat(last.body().path("entries")).hasSize(100);
      explain(at);
    }
  }

  /**
   * Vacuums until the visibility map covers the events, as autovacuum would after a bulk load, so
   * index-only scans need no heap fetches: the steady state, not the minutes after the load.
   */
  private void allVisible() {
    jdbc.sql(
            "SELECT pid, state, backend_xmin::text, xact_start::text, left(query, 60) AS query"
                + " FROM pg_stat_activity WHERE backend_xmin IS NOT NULL AND pid <> pg_backend_pid()")
        .query()
        .listOfRows()
        .forEach(row -> System.out.println("AS-OF open snapshot before VACUUM: " + row));
    Awaitility.await()
        .atMost(Duration.ofMinutes(5))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              jdbc.sql("VACUUM ANALYZE score_events").update();
              Map<String, Object> pages =
                  jdbc.sql(
                          "SELECT relpages, relallvisible FROM pg_class"
                              + " WHERE relname = 'score_events'")
                      .query()
                      .singleRow();
              System.out.println("AS-OF after VACUUM: " + pages);
              return ((Number) pages.get("relallvisible")).doubleValue()
                  >= 0.99 * ((Number) pages.get("relpages")).doubleValue();
            });
  }

  private void explain(Instant at) {
    String sql =
        "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) "
            + BoardHistory.STANDINGS
                .replace(":board", "'" + BOARD + "'")
                .replace(":season", "'all-time'")
                .replace(":at", "'" + at + "'::timestamptz")
                .replace(":limit", "100");
    jdbc.sql(sql).query(String.class).list().forEach(line -> System.out.println("PLAN " + line));
  }

  /** U users, each with a run of versions 1, 2, 3… at growing commit times over 30 days. */
  private void seed(int users, int events) throws Exception {
    SplittableRandom random = new SplittableRandom(42);
    try (Connection connection = dataSource.getConnection()) {
      PGConnection pg = connection.unwrap(PGConnection.class);
      CopyIn userCopy =
          pg.getCopyAPI().copyIn("COPY users (id, display_name, status, public) FROM STDIN");
      StringBuilder chunk = new StringBuilder(1 << 20);
      for (int u = 0; u < users; u++) {
        // 5 % frozen, 1 % erased: the query must skip them.
        String status = u % 20 == 7 ? "frozen" : u % 100 == 13 ? "erased" : "active";
        chunk.append("bench-").append(u).append("\tPlayer ").append(u).append('\t');
        chunk.append(status).append('\t').append(u % 10 != 3).append('\n');
      }
      write(userCopy, chunk);
      userCopy.endCopy();

      CopyIn eventCopy =
          pg.getCopyAPI()
              .copyIn(
                  "COPY score_events (id, board_id, season, user_id, reason, delta,"
                      + " previous_score, new_score, user_version, reached_at, committed_at)"
                      + " FROM STDIN");
      chunk.setLength(0);
      int perUser = events / users;
      for (int u = 0; u < users; u++) {
        int count = u < events % users ? perUser + 1 : perUser;
        long[] times = new long[count];
        for (int k = 0; k < count; k++) {
          times[k] = random.nextLong(PERIOD_MICROS);
        }
        Arrays.sort(times);
        long score = 0;
        for (int k = 0; k < count; k++) {
          long delta = 1 + random.nextInt(100);
          String time = T0.plusNanos(times[k] * 1000).toString();
          chunk.append(new UUID(u, k)).append('\t').append(BOARD).append("\tall-time\tbench-");
          chunk.append(u).append("\tbench\t").append(delta).append('\t').append(score);
          chunk.append('\t').append(score + delta).append('\t').append(k + 1).append('\t');
          chunk.append(time).append('\t').append(time).append('\n');
          score += delta;
          if (chunk.length() > (1 << 20) - 400) {
            write(eventCopy, chunk);
          }
        }
      }
      write(eventCopy, chunk);
      eventCopy.endCopy();
    }
  }

  private static void write(CopyIn copy, StringBuilder chunk) throws Exception {
    byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
    copy.writeToCopy(bytes, 0, bytes.length);
    chunk.setLength(0);
  }
}
