package dev.livescoreboard.projector.rebuild;

import dev.livescoreboard.events.LeaderboardKeys;
import dev.livescoreboard.events.RankingCodec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.Response;

/**
 * Compares streamed PostgreSQL rows of one board+season with Redis in pipelined batches and counts
 * drifted users: Redis behind PostgreSQL, or the same version with a different ranking member,
 * score or shown name (a rename or a visibility change that did not arrive). Redis lagging behind a
 * row changed after {@code settledBefore} is in-flight propagation, and Redis ahead of the row is
 * an event committed after the snapshot; neither is drift. Single-threaded.
 */
final class DriftCheck {

  private final RedisClient redis;
  private final String ranking;
  private final String members;
  private final String versions;
  private final String names;
  private final int batchSize;
  private final Instant settledBefore;
  private final List<RankedUser> batch = new ArrayList<>();
  private long drifted;

  DriftCheck(
      RedisClient redis,
      LeaderboardKeys layout,
      BoardSeason board,
      int batchSize,
      Instant settledBefore) {
    this.redis = redis;
    this.ranking = layout.ranking(board.board(), board.season());
    this.members = layout.members(board.board(), board.season());
    this.versions = layout.versions(board.board(), board.season());
    this.names = layout.names(board.board(), board.season());
    this.batchSize = batchSize;
    this.settledBefore = settledBefore;
  }

  void add(RankedUser user) {
    batch.add(user);
    if (batch.size() >= batchSize) {
      flush();
    }
  }

  /** Compares what is buffered. */
  void flush() {
    if (batch.isEmpty()) {
      return;
    }
    String[] ids = batch.stream().map(RankedUser::userId).toArray(String[]::new);
    Response<List<String>> redisVersions;
    Response<List<String>> redisMembers;
    Response<List<Double>> redisScores;
    Response<List<String>> redisNames;
    try (AbstractPipeline pipeline = redis.pipelined()) {
      redisVersions = pipeline.hmget(versions, ids);
      redisMembers = pipeline.hmget(members, ids);
      // The expected members: a user whose member differs has no score here, which is drift.
      String[] expected = batch.stream().map(DriftCheck::member).toArray(String[]::new);
      redisScores = pipeline.zmscore(ranking, expected);
      redisNames = pipeline.hmget(names, ids);
      pipeline.sync();
    }
    for (int i = 0; i < batch.size(); i++) {
      if (drifted(
          batch.get(i),
          redisVersions.get().get(i),
          redisMembers.get().get(i),
          redisScores.get().get(i),
          redisNames.get().get(i))) {
        drifted++;
      }
    }
    batch.clear();
  }

  long drifted() {
    return drifted;
  }

  private boolean drifted(
      RankedUser user, String version, String member, Double sortScore, String name) {
    long redisVersion = version == null ? 0 : Long.parseLong(version);
    if (redisVersion < user.version()) {
      return user.updatedAt().isBefore(settledBefore);
    }
    if (redisVersion > user.version()) {
      // Committed and applied after the PostgreSQL snapshot was taken: newer, not drift.
      return false;
    }
    // The name boards show: the user's own, or Anonymous when not public.
    return !member(user).equals(member)
        || sortScore == null
        || RankingCodec.score(sortScore) != user.score()
        || !user.displayName().equals(name);
  }

  private static String member(RankedUser user) {
    return RankingCodec.member(user.reachedAtMillis(), user.userId());
  }
}
