package dev.livescoreboard.gateway;

import static org.awaitility.Awaitility.await;

import dev.livescoreboard.events.BoardDefaults;
import dev.livescoreboard.events.BoardDefined;
import dev.livescoreboard.events.BoardDefinitionHash;
import dev.livescoreboard.events.BoardIds;
import dev.livescoreboard.events.EventJson;
import dev.livescoreboard.events.LeaderboardKeys;
import dev.livescoreboard.events.RankingCodec;
import dev.livescoreboard.events.RanksChanged;
import dev.livescoreboard.events.Seasons;
import dev.livescoreboard.events.TopNChanged;
import dev.livescoreboard.gateway.config.GatewaySettings;
import dev.livescoreboard.infra.devauth.DevAuthServer;
import dev.livescoreboard.testsupport.TestAuth;
import dev.livescoreboard.testsupport.TestRedis;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import redis.clients.jedis.Protocol.Command;
import redis.clients.jedis.RedisClient;

/**
 * A real gateway on a free port, against the shared test Redis (own key prefix) and the dev auth
 * server, with a Redis client to seed and publish what the projector would.
 */
final class RunningGateway implements AutoCloseable {

  static final String ALLOWED_ORIGIN = "http://localhost:8080";

  final DevAuthServer auth = TestAuth.shared();
  final LeaderboardKeys keys;
  final RedisClient redis;
  final GatewayServer server;

  RunningGateway(Map<String, String> overrides) {
    this(TestRedis.shared().url(), overrides);
  }

  /** A gateway against the Redis at {@code redisUrl} (e.g. a test's own server it stops). */
  RunningGateway(String redisUrl, Map<String, String> overrides) {
    keys = new LeaderboardKeys(TestRedis.shared().newKeyPrefix());
    redis = RedisClient.create(URI.create(redisUrl));
    Map<String, String> env = new HashMap<>();
    env.put("SCOREBOARD_GATEWAY_BIND", "127.0.0.1");
    env.put("SCOREBOARD_GATEWAY_PORT", "0");
    env.put("SCOREBOARD_REDIS_URL", redisUrl);
    env.put("SCOREBOARD_REDIS_KEY_PREFIX", keys.prefix());
    env.put("SCOREBOARD_JWT_JWKS_URL", auth.jwksUrl());
    env.put("SCOREBOARD_JWT_ISSUER", auth.issuer());
    env.put("SCOREBOARD_JWT_AUDIENCE", DevAuthServer.AUDIENCE);
    env.put("SCOREBOARD_GATEWAY_ALLOWED_ORIGINS", ALLOWED_ORIGIN);
    env.putAll(overrides);
    // As in every deployment: command-api announces global at its first start.
    define(BoardIds.DEFAULT_BOARD);
    server = GatewayServer.start(GatewaySettings.fromEnvironment(env));
  }

  RunningGateway() {
    this(Map.of());
  }

  String http(String pathAndQuery) {
    return "http://127.0.0.1:" + server.port() + pathAndQuery;
  }

  URI ws(String pathAndQuery) {
    return URI.create("ws://127.0.0.1:" + server.port() + pathAndQuery);
  }

  /** Defines {@code board} with the defaults (top 10, never resets). */
  BoardDefined define(String board) {
    return define(board, BoardDefaults.TOP_N, Seasons.NEVER, 1);
  }

  /**
   * Applies a {@code BOARD_DEFINED} as the projector does: the definition hash, then the board in
   * the registry set.
   */
  BoardDefined define(String board, int topN, String resetSchedule, long version) {
    BoardDefined event =
        BoardDefined.of(
            UUID.randomUUID(),
            board,
            "Title of " + board,
            1_000_000,
            topN,
            resetSchedule,
            version,
            Instant.now());
    redis.hset(keys.definition(board), BoardDefinitionHash.fields(event));
    redis.sadd(keys.boards(), board);
    return event;
  }

  /**
   * Stores {@code top} as the projector does: the snapshot and the board's current season; a board
   * not defined yet is defined with the defaults first, since the projector scores defined boards.
   */
  void seed(TopNChanged top) {
    if (!redis.sismember(keys.boards(), top.board())) {
      define(top.board());
    }
    redis.set(keys.top(top.board(), top.season()), EventJson.toJson(top));
    redis.set(keys.currentSeason(top.board()), top.season());
  }

  /**
   * Writes one user's score the way the projector's apply script does (see its {@code top-n.lua}):
   * the old ranking member replaced by the new one, the members and names hashes, and the board's
   * current season if it has none yet. Names are {@code "Name " + userId}, as in {@code Tops}.
   */
  void score(String board, String season, String userId, long points, long reachedAtMillis) {
    String ranking = keys.ranking(board, season);
    String old = redis.hget(keys.members(board, season), userId);
    if (old != null) {
      redis.zrem(ranking, old);
    }
    String member = RankingCodec.member(reachedAtMillis, userId);
    redis.zadd(ranking, RankingCodec.sortScore(points), member);
    redis.hset(keys.members(board, season), userId, member);
    redis.hset(keys.names(board, season), userId, "Name " + userId);
    redis.setnx(keys.currentSeason(board), season);
  }

  /**
   * Applies a {@code SEASON_STARTED} as the projector's {@code apply-season-started.lua} does: the
   * season listed with its start, the previous one's end, the new current season, its empty top N
   * ({@code seq}) stored and published.
   */
  TopNChanged startSeason(String board, String season, String previous, Instant at, long seq) {
    redis.zadd(keys.seasons(board), Seasons.order(season), season);
    redis.hset(keys.seasonStarts(board), season, at.toString());
    if (previous != null) {
      redis.zadd(keys.seasons(board), Seasons.order(previous), previous);
      redis.hset(keys.seasonEnds(board), previous, at.toString());
    }
    redis.set(keys.currentSeason(board), season);
    redis.set(keys.currentSeasonOrder(board), Long.toString(Seasons.order(season)));
    TopNChanged empty = new TopNChanged(board, season, seq, 0, List.of(), List.of(), at, null);
    redis.set(keys.top(board, season), EventJson.toJson(empty));
    publish(empty);
    return empty;
  }

  /** Publishes {@code top} as the projector does, without storing it. */
  void publish(TopNChanged top) {
    redis.publish(keys.topChangedChannel(), EventJson.toJson(top));
  }

  /** Publishes {@code ranks} on the rank-changed channel as the projector does. */
  void publish(RanksChanged ranks) {
    redis.publish(keys.rankChangedChannel(), EventJson.toJson(ranks));
  }

  /** Waits until this gateway listens on the rank-changed channel (Redis counts subscribers). */
  void awaitRankSubscription() {
    String channel = keys.rankChangedChannel();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              List<?> reply = (List<?>) redis.sendCommand(Command.PUBSUB, "NUMSUB", channel);
              return ((Number) reply.get(1)).longValue() > 0;
            });
  }

  /**
   * The value of the first series in {@code /metrics} that starts with {@code series} (a name, or a
   * name and the start of its labels: {@code name{reason="drain"}), scraped over a connection of
   * its own, closed after: {@code gateway_connections_open} counts it.
   */
  double metric(String series) {
    try (RawHttpConnection scrape = new RawHttpConnection(server.port())) {
      scrape.send(RawHttpConnection.get("/metrics", "Connection: close\r\n"));
      return scrape
          .read()
          .body()
          .lines()
          .filter(
              line ->
                  series.contains("{")
                      ? line.startsWith(series)
                      : line.startsWith(series + " ") || line.startsWith(series + "{"))
          .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no metric " + series));
    }
  }

  String token(String userId) {
    return auth.mint(userId, "Name " + userId, List.of("player"));
  }

  @Override
  public void close() {
    server.close();
    redis.close();
  }
}
