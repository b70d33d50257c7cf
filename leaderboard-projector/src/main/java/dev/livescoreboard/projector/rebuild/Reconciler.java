package dev.livescoreboard.projector.rebuild;

import dev.livescoreboard.events.LeaderboardKeys;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Periodic reconciliation: for every board+season in PostgreSQL, compare every ranked user's
 * version, ranking member, score and shown name (their name, or {@code Anonymous} when not public)
 * with Redis (batched), plus Redis holding more users than PostgreSQL ranks (a frozen or erased
 * user still on the board). Any drift is repaired by a rebuild of that board+season. The total
 * drift of the last run is the gauge {@code scoreboard.projector.reconciliation.drift}. Skips
 * boards being rebuilt. Runs on the scheduler thread.
 */
@Component
class Reconciler {

  private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

  private final PostgresScores scores;
  private final LeaderboardRebuilder rebuilder;
  private final RedisClient redis;
  private final LeaderboardKeys layout;
  private final RebuildSettings rebuildSettings;
  private final ReconciliationSettings settings;
  private final AtomicLong lastDrift = new AtomicLong();
  private final Counter repairs;

  Reconciler(
      PostgresScores scores,
      LeaderboardRebuilder rebuilder,
      RedisClient redis,
      LeaderboardKeys layout,
      RebuildSettings rebuildSettings,
      ReconciliationSettings settings,
      MeterRegistry registry) {
    this.scores = scores;
    this.rebuilder = rebuilder;
    this.redis = redis;
    this.layout = layout;
    this.rebuildSettings = rebuildSettings;
    this.settings = settings;
    Gauge.builder("scoreboard.projector.reconciliation.drift", lastDrift, AtomicLong::get)
        .description("Users whose Redis entry differed from PostgreSQL in the last reconciliation")
        .register(registry);
    this.repairs =
        Counter.builder("scoreboard.projector.reconciliation.repairs")
            .description("Boards rebuilt because reconciliation found drift")
            .register(registry);
  }

  /** One reconciliation run; returns the drift it found (before repairing it). */
  long reconcile() {
    long total = 0;
    try {
      List<BoardSeason> boards = scores.boardSeasons();
      for (BoardSeason board : boards) {
        long drift = driftOf(board);
        total += drift;
        if (drift > 0) {
          log.warn("{} users of {} drifted from PostgreSQL, rebuilding", drift, board);
          rebuilder.rebuild(board, "drift");
          repairs.increment();
        }
      }
    } catch (DataAccessException
        | TransactionException
        | JedisException
        | IllegalStateException e) {
      log.warn("reconciliation stopped early, will run again: {}", e.toString());
    } catch (RebuildInProgressException e) {
      log.info("reconciliation met a running rebuild: {}", e.getMessage());
    }
    lastDrift.set(total);
    return total;
  }

  private long driftOf(BoardSeason board) {
    RebuildTarget target = RebuildTarget.of(board, layout);
    if (redis.exists(target.active())) {
      return 0;
    }
    // Counted before the PostgreSQL snapshot is taken: everything Redis held then was committed
    // by then, so more users in Redis than ranked in the snapshot are users that must not be
    // there (frozen or erased since, or corruption), not users created meanwhile.
    long inRedis = redis.zcard(layout.ranking(board.board(), board.season()));
    DriftCheck check =
        new DriftCheck(
            redis, layout, board, settings.batchSize(), Instant.now().minus(settings.grace()));
    long ranked = scores.streamRankedUsers(board, rebuildSettings.fetchSize(), check::add);
    check.flush();
    long extra = inRedis - ranked;
    return check.drifted() + Math.max(0, extra);
  }
}
