package dev.livescoreboard.gateway.redis;

import dev.livescoreboard.events.LeaderboardEntry;
import dev.livescoreboard.events.LeaderboardKeys;
import dev.livescoreboard.events.RankingCodec;
import dev.livescoreboard.gateway.rank.RankReads;
import dev.livescoreboard.gateway.rank.RankedPage;
import dev.livescoreboard.gateway.rank.Standing;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import redis.clients.jedis.AbstractTransaction;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.Response;
import redis.clients.jedis.resps.Tuple;

/**
 * Reads ranks from the projector's ranking set (see {@link LeaderboardKeys}); never writes.
 * Blocking. The consistency rules are in the {@code rank} package documentation.
 */
public final class RedisRankReads implements RankReads {

  /**
   * A user's member changes with every score they reach; between looking it up and reading its rank
   * it may be replaced. Retried a few times, then the user counts as not on the board.
   */
  private static final int MEMBER_ATTEMPTS = 3;

  private final RedisClient redis;
  private final LeaderboardKeys keys;

  public RedisRankReads(RedisClient redis, LeaderboardKeys keys) {
    this.redis = redis;
    this.keys = keys;
  }

  @Override
  public Optional<Standing> standing(String board, String season, int topN, String userId) {
    String ranking = keys.ranking(board, season);
    String members = keys.members(board, season);
    for (int attempt = 0; attempt < MEMBER_ATTEMPTS; attempt++) {
      String member = redis.hget(members, userId);
      if (member == null) {
        return Optional.empty();
      }
      Response<String> memberNow;
      Response<Long> rank;
      Response<Double> sortScore;
      Response<Long> total;
      Response<List<Tuple>> cutoff;
      Response<String> name;
      try (AbstractTransaction tx = redis.multi()) {
        memberNow = tx.hget(members, userId);
        rank = tx.zrank(ranking, member);
        sortScore = tx.zscore(ranking, member);
        total = tx.zcard(ranking);
        cutoff = tx.zrangeWithScores(ranking, topN - 1L, topN - 1L);
        name = tx.hget(keys.names(board, season), userId);
        tx.exec();
      }
      if (!member.equals(memberNow.get())) {
        continue;
      }
      if (rank.get() == null) {
        return Optional.empty();
      }
      LeaderboardEntry entry =
          new LeaderboardEntry(
              Math.toIntExact(rank.get() + 1),
              userId,
              name.get() != null ? name.get() : userId,
              RankingCodec.score(sortScore.get()));
      Long cutoffScore =
          cutoff.get().isEmpty() ? null : RankingCodec.score(cutoff.get().get(0).getScore());
      return Optional.of(new Standing(entry, total.get(), cutoffScore));
    }
    return Optional.empty();
  }

  @Override
  public RankedPage page(String board, String season, int offset, int limit) {
    return window(board, season, offset, offset + (long) limit - 1);
  }

  @Override
  public Optional<RankedPage> around(String board, String season, String userId, int radius) {
    Optional<Long> rank = zeroBasedRank(board, season, userId);
    return rank.map(r -> window(board, season, Math.max(0, r - radius), r + radius));
  }

  @Override
  public RankedPage among(String board, String season, List<String> userIds) {
    String ranking = keys.ranking(board, season);
    List<String> members = redis.hmget(keys.members(board, season), userIds.toArray(String[]::new));
    List<String> found = new ArrayList<>();
    List<Response<Long>> ranks = new ArrayList<>();
    List<Response<Double>> scores = new ArrayList<>();
    Response<Long> total;
    try (AbstractTransaction tx = redis.multi()) {
      for (int i = 0; i < userIds.size(); i++) {
        if (members.get(i) != null) {
          found.add(userIds.get(i));
          ranks.add(tx.zrank(ranking, members.get(i)));
          scores.add(tx.zscore(ranking, members.get(i)));
        }
      }
      total = tx.zcard(ranking);
      tx.exec();
    }
    List<LeaderboardEntry> entries = new ArrayList<>();
    List<String> names = names(board, season, found);
    for (int i = 0; i < found.size(); i++) {
      // A member replaced since the lookup is missing here: that user is left out of this answer.
      if (ranks.get(i).get() != null) {
        entries.add(
            new LeaderboardEntry(
                Math.toIntExact(ranks.get(i).get() + 1),
                found.get(i),
                names.get(i) != null ? names.get(i) : found.get(i),
                RankingCodec.score(scores.get(i).get())));
      }
    }
    entries.sort(Comparator.comparingInt(LeaderboardEntry::rank));
    return new RankedPage(entries, total.get());
  }

  private Optional<Long> zeroBasedRank(String board, String season, String userId) {
    for (int attempt = 0; attempt < MEMBER_ATTEMPTS; attempt++) {
      String member = redis.hget(keys.members(board, season), userId);
      if (member == null) {
        return Optional.empty();
      }
      Long rank = redis.zrank(keys.ranking(board, season), member);
      if (rank != null) {
        return Optional.of(rank);
      }
    }
    return Optional.empty();
  }

  /** Positions {@code start..stop} (0-based, inclusive) and the board's size, in one state. */
  private RankedPage window(String board, String season, long start, long stop) {
    String ranking = keys.ranking(board, season);
    Response<List<Tuple>> rows;
    Response<Long> total;
    try (AbstractTransaction tx = redis.multi()) {
      rows = tx.zrangeWithScores(ranking, start, stop);
      total = tx.zcard(ranking);
      tx.exec();
    }
    List<String> userIds =
        rows.get().stream().map(row -> RankingCodec.userId(row.getElement())).toList();
    List<String> names = names(board, season, userIds);
    List<LeaderboardEntry> entries = new ArrayList<>(userIds.size());
    for (int i = 0; i < userIds.size(); i++) {
      entries.add(
          new LeaderboardEntry(
              Math.toIntExact(start + i + 1),
              userIds.get(i),
              names.get(i) != null ? names.get(i) : userIds.get(i),
              RankingCodec.score(rows.get().get(i).getScore())));
    }
    return new RankedPage(entries, total.get());
  }

  private List<String> names(String board, String season, List<String> userIds) {
    return userIds.isEmpty()
        ? List.of()
        : redis.hmget(keys.names(board, season), userIds.toArray(String[]::new));
  }
}
