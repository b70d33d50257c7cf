package dev.livescoreboard.projector.rebuild;

import dev.livescoreboard.events.LeaderboardKeys;
import dev.livescoreboard.projector.script.ScriptKeys;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Notices that Redis lost boards and rebuilds them: the definitions and seasons of every board in
 * PostgreSQL are applied again (a no-op for those Redis holds already), and every board+season with
 * rows in PostgreSQL must carry the {@code built} sentinel its last rebuild set. It is missing
 * after Redis was flushed or restarted without persistence, and also for boards that were never
 * rebuilt, so a fresh deployment rebuilds each board once. Runs on the scheduler thread (see {@link
 * RebuildScheduling}).
 */
@Component
class RedisLossDetector {

  private static final Logger log = LoggerFactory.getLogger(RedisLossDetector.class);

  private final PostgresScores scores;
  private final BoardDefinitionRestorer definitions;
  private final SeasonRestorer seasons;
  private final LeaderboardRebuilder rebuilder;
  private final RedisClient redis;
  private final ScriptKeys keys;

  RedisLossDetector(
      PostgresScores scores,
      BoardDefinitionRestorer definitions,
      SeasonRestorer seasons,
      LeaderboardRebuilder rebuilder,
      RedisClient redis,
      LeaderboardKeys layout) {
    this.scores = scores;
    this.definitions = definitions;
    this.seasons = seasons;
    this.rebuilder = rebuilder;
    this.redis = redis;
    this.keys = new ScriptKeys(layout);
  }

  /**
   * Restores the board definitions (before the rankings, so a rebuilt top N has its board's size)
   * and the season lists, then rebuilds every board+season whose sentinel is missing; returns how
   * many it rebuilt.
   */
  int rebuildLostBoards() {
    List<BoardSeason> boards;
    try {
      definitions.restore();
      seasons.restore();
      boards = scores.boardSeasons();
    } catch (DataAccessException | TransactionException e) {
      log.warn(
          "cannot check for lost boards, PostgreSQL unavailable: {}",
          e.getMostSpecificCause().toString());
      return 0;
    } catch (JedisException e) {
      log.warn("cannot restore board definitions, Redis unavailable: {}", e.toString());
      return 0;
    }
    int rebuilt = 0;
    for (BoardSeason board : boards) {
      try {
        if (!redis.exists(keys.built(board.board(), board.season()))) {
          log.warn("{} is missing in Redis, rebuilding it from PostgreSQL", board);
          rebuilder.rebuild(board, "redis-lost");
          rebuilt++;
        }
      } catch (RebuildInProgressException e) {
        log.info("{} is already being rebuilt", board);
      } catch (JedisException
          | DataAccessException
          | TransactionException
          | IllegalStateException e) {
        log.warn("rebuild of lost {} failed, will retry: {}", board, e.toString());
        return rebuilt;
      }
    }
    return rebuilt;
  }
}
