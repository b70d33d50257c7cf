package dev.livescoreboard.projector.rebuild;

import dev.livescoreboard.events.LeaderboardKeys;
import dev.livescoreboard.projector.projection.BoardDefinitionWriter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.SetParams;

/**
 * Rebuilds one board+season of the read model from PostgreSQL without readers ever seeing a
 * half-built board: stream the ranked users into rebuild keys, then swap them into place with one
 * atomic script that also stores and publishes the top N.
 *
 * <p>Events keep being applied during a rebuild (the Kafka listener is not paused). The rebuild's
 * marker makes the apply script note every user it changes; the swap keeps such a user's live entry
 * when its version is newer than the one the rebuild read. So an event committed after the
 * PostgreSQL snapshot is neither lost by the swap nor double-counted, on any number of projector
 * instances.
 */
@Component
class LeaderboardRebuilder {

  private static final Logger log = LoggerFactory.getLogger(LeaderboardRebuilder.class);
  private static final String RELEASE_MARKER =
      "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1], KEYS[2])"
          + " end return 0";

  /** A started rebuild: the marker with {@code token} is held. */
  record Rebuild(BoardSeason board, String token, RebuildTarget target, long startNanos) {}

  private final RedisClient redis;
  private final LeaderboardKeys layout;
  private final RebuildSettings settings;
  private final PostgresScores scores;
  private final SwapRebuiltBoardScript swapScript;
  private final MeterRegistry registry;
  private final Counter usersRebuilt;

  LeaderboardRebuilder(
      RedisClient redis,
      LeaderboardKeys layout,
      BoardDefinitionWriter definitions,
      RebuildSettings settings,
      PostgresScores scores,
      MeterRegistry registry) {
    this.redis = redis;
    this.layout = layout;
    this.settings = settings;
    this.scores = scores;
    this.swapScript = new SwapRebuiltBoardScript(redis, layout, definitions::topN);
    this.registry = registry;
    this.usersRebuilt =
        Counter.builder("scoreboard.projector.rebuild.users")
            .description("Users written into Redis by rebuilds from PostgreSQL")
            .register(registry);
  }

  /**
   * Rebuilds {@code board} and returns what it did.
   *
   * @throws RebuildInProgressException when another rebuild of it is running
   */
  RebuildResult rebuild(BoardSeason board, String trigger) {
    Rebuild rebuild = begin(board);
    try {
      RebuiltBoardWriter written = copy(rebuild);
      return swap(rebuild, written, trigger);
    } catch (RuntimeException e) {
      abandon(rebuild);
      throw e;
    }
  }

  /** Takes the board's rebuild marker and clears leftovers of an earlier, crashed rebuild. */
  Rebuild begin(BoardSeason board) {
    RebuildTarget target = RebuildTarget.of(board, layout);
    String token = UUID.randomUUID().toString();
    String taken =
        redis.set(
            target.active(), token, SetParams.setParams().nx().px(settings.markerTtl().toMillis()));
    if (!"OK".equals(taken)) {
      throw new RebuildInProgressException(board);
    }
    redis.unlink(target.rebuiltKeys().toArray(String[]::new));
    return new Rebuild(board, token, target, System.nanoTime());
  }

  /** Streams PostgreSQL into the rebuild keys. */
  RebuiltBoardWriter copy(Rebuild rebuild) {
    try (RebuiltBoardWriter writer =
        new RebuiltBoardWriter(
            redis, rebuild.target(), settings.writeBatchSize(), settings.markerTtl().toMillis())) {
      scores.streamRankedUsers(rebuild.board(), settings.fetchSize(), writer::add);
      writer.finish();
      return writer;
    }
  }

  /** Swaps the rebuild keys into place and publishes the top N. */
  RebuildResult swap(Rebuild rebuild, RebuiltBoardWriter written, String trigger) {
    Instant now = Instant.now();
    Instant source = written.written() > 0 ? written.newestUpdate() : now;
    SwapRebuiltBoardScript.Outcome outcome =
        swapScript.swap(rebuild.board(), rebuild.token(), source, now);
    if (!outcome.swapped()) {
      throw new IllegalStateException(
          "rebuild of " + rebuild.board() + " lost its marker (Redis flushed or marker expired)");
    }
    Duration took = Duration.ofNanos(System.nanoTime() - rebuild.startNanos());
    Timer.builder("scoreboard.projector.rebuild")
        .description("Duration of rebuilds of one board+season from PostgreSQL")
        .tag("trigger", trigger)
        .register(registry)
        .record(took);
    usersRebuilt.increment(written.written());
    RebuildResult result =
        new RebuildResult(
            rebuild.board().board(),
            rebuild.board().season(),
            written.written(),
            outcome.carriedOver(),
            outcome.seq(),
            took.toMillis(),
            trigger);
    log.info("rebuilt {}", result);
    return result;
  }

  /** Releases the marker (if still ours) and drops the partial rebuild keys. */
  void abandon(Rebuild rebuild) {
    try {
      RebuildTarget target = rebuild.target();
      redis.eval(
          RELEASE_MARKER, List.of(target.active(), target.dirty()), List.of(rebuild.token()));
      redis.unlink(target.rebuiltKeys().toArray(String[]::new));
    } catch (RuntimeException e) {
      // Redis is failing; the marker and the keys expire on their own.
      log.warn("could not clean up the failed rebuild of {}: {}", rebuild.board(), e.toString());
    }
  }
}
