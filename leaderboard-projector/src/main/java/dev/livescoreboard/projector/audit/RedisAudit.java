package dev.livescoreboard.projector.audit;

import dev.livescoreboard.events.LeaderboardKeys;
import dev.livescoreboard.events.RankingCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.Response;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import redis.clients.jedis.resps.Tuple;

/** The audit's reads of the read model; never writes. Batches are pipelined. */
@Component
class RedisAudit {

  private static final String RANKING_SUFFIX = ":ranking";

  private final RedisClient redis;
  private final LeaderboardKeys layout;

  RedisAudit(RedisClient redis, LeaderboardKeys layout) {
    this.redis = redis;
    this.layout = layout;
  }

  /** Every board+season that has a ranking in Redis (SCAN, so Redis is never blocked). */
  List<AuditedBoard> rankedSeasons() {
    String prefix = layout.prefix() + "lb:{";
    ScanParams params = new ScanParams().match(prefix + "*}:*" + RANKING_SUFFIX).count(1000);
    TreeSet<AuditedBoard> found = new TreeSet<>();
    String cursor = ScanParams.SCAN_POINTER_START;
    do {
      ScanResult<String> page = redis.scan(cursor, params);
      for (String key : page.getResult()) {
        AuditedBoard board = parseRankingKey(prefix, key);
        if (board != null) {
          found.add(board);
        }
      }
      cursor = page.getCursor();
    } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
    return List.copyOf(found);
  }

  /**
   * The board+season of a key {@code <prefix>lb:{board}:season:ranking}, or {@code null} for any
   * other key the pattern matched (rebuild keys, ids that are no board or season).
   */
  static AuditedBoard parseRankingKey(String prefix, String key) {
    if (!key.startsWith(prefix) || !key.endsWith(RANKING_SUFFIX)) {
      return null;
    }
    String rest = key.substring(prefix.length(), key.length() - RANKING_SUFFIX.length());
    int close = rest.indexOf("}:");
    if (close < 0) {
      return null;
    }
    try {
      return new AuditedBoard(rest.substring(0, close), rest.substring(close + 2));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  long rankingSize(AuditedBoard board) {
    return redis.zcard(layout.ranking(board.board(), board.season()));
  }

  /** What Redis holds for each of {@code userIds}, in their order: two pipelined round trips. */
  List<RedisEntry> entries(AuditedBoard board, List<String> userIds) {
    String b = board.board();
    String s = board.season();
    String[] ids = userIds.toArray(String[]::new);
    Response<List<String>> versions;
    Response<List<String>> members;
    Response<List<String>> names;
    try (AbstractPipeline pipeline = redis.pipelined()) {
      versions = pipeline.hmget(layout.versions(b, s), ids);
      members = pipeline.hmget(layout.members(b, s), ids);
      names = pipeline.hmget(layout.names(b, s), ids);
      pipeline.sync();
    }
    List<String> present = members.get().stream().filter(m -> m != null).toList();
    List<Double> scores =
        present.isEmpty()
            ? List.of()
            : redis.zmscore(layout.ranking(b, s), present.toArray(String[]::new));
    List<RedisEntry> result = new ArrayList<>(ids.length);
    int next = 0;
    for (int i = 0; i < ids.length; i++) {
      String version = versions.get().get(i);
      String member = members.get().get(i);
      Double score = member == null ? null : scores.get(next++);
      result.add(
          new RedisEntry(
              version == null ? 0 : Long.parseLong(version), member, score, names.get().get(i)));
    }
    return result;
  }

  /** A member of the ranking as the scan for extra users reads it. */
  record RankedMember(String userId, String member, double sortScore) {}

  /** Streams the ranking, {@code batchSize} members per call, in rank order. */
  void streamRanking(AuditedBoard board, int batchSize, Consumer<List<RankedMember>> sink) {
    String ranking = layout.ranking(board.board(), board.season());
    long from = 0;
    while (true) {
      List<Tuple> page = redis.zrangeWithScores(ranking, from, from + batchSize - 1);
      if (page.isEmpty()) {
        return;
      }
      sink.accept(
          page.stream()
              .map(
                  t ->
                      new RankedMember(
                          RankingCodec.userId(t.getElement()), t.getElement(), t.getScore()))
              .toList());
      if (page.size() < batchSize) {
        return;
      }
      from += batchSize;
    }
  }

  /** The applied versions of {@code userIds} (0: none), in their order. */
  List<Long> versions(AuditedBoard board, List<String> userIds) {
    return redis
        .hmget(layout.versions(board.board(), board.season()), userIds.toArray(String[]::new))
        .stream()
        .map(v -> v == null ? 0L : Long.parseLong(v))
        .toList();
  }
}
