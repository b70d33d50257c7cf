package dev.livescoreboard.projector.projection;

import dev.livescoreboard.events.LeaderboardKeys;
import dev.livescoreboard.events.RankingCodec;
import dev.livescoreboard.testsupport.TestRedis;
import java.net.URI;
import java.util.List;
import redis.clients.jedis.RedisClient;

/**
 * The Lua apply against the shared real Redis, isolated by a fresh key prefix, with a real
 * subscriber on the prefix's top-changed channel.
 */
final class ScriptFixture implements AutoCloseable {

  static final String BOARD = "global";
  static final String SEASON = "all-time";

  final RedisClient redis;
  final LeaderboardKeys keys;
  final ApplyScoreEventScript script;
  final TopChangedSubscriber subscriber;
  final ScoreEvents events = new ScoreEvents(BOARD, SEASON);

  ScriptFixture(int topN) {
    TestRedis server = TestRedis.shared();
    this.redis = RedisClient.create(URI.create(server.url()));
    this.keys = new LeaderboardKeys(server.newKeyPrefix());
    this.script = new ApplyScoreEventScript(redis, keys, new ProjectionSettings(topN));
    this.subscriber = TopChangedSubscriber.subscribe(server.url(), keys.topChangedChannel());
  }

  /** All userIds of the board in Redis order. */
  List<String> rankingUserIds() {
    return redis.zrange(keys.ranking(BOARD, SEASON), 0, -1).stream()
        .map(RankingCodec::userId)
        .toList();
  }

  String top() {
    return redis.get(keys.top(BOARD, SEASON));
  }

  String seq() {
    return redis.get(keys.seq(BOARD, SEASON));
  }

  @Override
  public void close() throws InterruptedException {
    subscriber.close();
    redis.close();
  }
}
