package dev.livescoreboard.command.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Everything a refused request must leave as it was: the row count of every table (score_events,
 * user_scores, outbox, users and whatever later changesets add), digests of the users and of every
 * score, the last outbox id, and the Redis keys under the test's prefix.
 */
record StateSnapshot(
    Map<String, Long> rowCounts,
    String usersDigest,
    String scoresDigest,
    long lastOutboxId,
    Set<String> redisKeys) {

  private static final Set<String> LIQUIBASE = Set.of("databasechangelog", "databasechangeloglock");

  static StateSnapshot take(JdbcClient jdbc, RedisKeys redis) {
    List<String> tables =
        jdbc.sql(
                "SELECT table_name FROM information_schema.tables"
                    + " WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
                    + " ORDER BY table_name")
            .query(String.class)
            .list();
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : tables) {
      if (!LIQUIBASE.contains(table)) {
        // Names come from the catalog, quoted; a test cannot take a bind parameter here.
        counts.put(
            table,
            jdbc.sql("SELECT count(*) FROM \"" + table.replace("\"", "\"\"") + "\"")
                .query(Long.class)
                .single());
      }
    }
    String users =
        jdbc.sql(
                "SELECT coalesce(md5(string_agg(concat_ws('|', id, display_name, status, public),"
                    + " ',' ORDER BY id)), '') FROM users")
            .query(String.class)
            .single();
    String scores =
        jdbc.sql(
                "SELECT coalesce(md5(string_agg(concat_ws('|', board_id, season, user_id, score,"
                    + " version, reached_at), ',' ORDER BY board_id, season, user_id)), '')"
                    + " FROM user_scores")
            .query(String.class)
            .single();
    long lastOutboxId =
        jdbc.sql("SELECT coalesce(max(id), 0) FROM outbox").query(Long.class).single();
    return new StateSnapshot(counts, users, scores, lastOutboxId, new TreeSet<>(redis.all()));
  }

  /**
   * Asserts nothing was written since {@code before}. Redis keys may only have expired (rate-limit
   * windows age out on their own), never appeared.
   */
  void assertUnchangedSince(StateSnapshot before) {
    assertThat(rowCounts).as("row counts per table").isEqualTo(before.rowCounts);
    assertThat(usersDigest).as("users").isEqualTo(before.usersDigest);
    assertThat(scoresDigest).as("user_scores").isEqualTo(before.scoresDigest);
    assertThat(lastOutboxId).as("last outbox id").isEqualTo(before.lastOutboxId);
    assertThat(redisKeys).as("Redis keys (none may appear)").isSubsetOf(before.redisKeys);
  }
}
