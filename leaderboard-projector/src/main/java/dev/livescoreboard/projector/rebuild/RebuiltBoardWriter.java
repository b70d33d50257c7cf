package dev.livescoreboard.projector.rebuild;

import dev.livescoreboard.events.RankingCodec;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.RedisClient;

/**
 * Writes streamed users into a board's rebuild keys in pipelined batches: per batch one ZADD and
 * three HSETs carrying {@code batchSize} members each, plus a TTL refresh of the rebuild keys and
 * the marker.
 *
 * <p>Threads: {@link #add} and {@link #finish} are called by the rebuilding thread; the batches are
 * written by one writer thread of this instance, at most one batch ahead, so reading PostgreSQL and
 * writing Redis overlap. A write failure surfaces on the next hand-over.
 */
final class RebuiltBoardWriter implements AutoCloseable {

  /** One batch, owned by the writer thread once handed over. */
  private record Batch(
      Map<String, Double> ranking,
      Map<String, String> members,
      Map<String, String> versions,
      Map<String, String> names) {

    Batch(int capacity) {
      this(
          new HashMap<>(capacity * 2),
          new HashMap<>(capacity * 2),
          new HashMap<>(capacity * 2),
          new HashMap<>(capacity * 2));
    }
  }

  private final RedisClient redis;
  private final RebuildTarget target;
  private final int batchSize;
  private final long ttlMillis;
  private final ExecutorService writerThread;
  private Batch batch;
  private Future<?> inFlight;
  private long written;
  private Instant newestUpdate = Instant.EPOCH;

  RebuiltBoardWriter(RedisClient redis, RebuildTarget target, int batchSize, long ttlMillis) {
    this.redis = redis;
    this.target = target;
    this.batchSize = batchSize;
    this.ttlMillis = ttlMillis;
    this.batch = new Batch(batchSize);
    this.writerThread =
        Executors.newSingleThreadExecutor(
            task -> {
              Thread thread = new Thread(task, "rebuild-writer-" + target.ranking());
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Adds one user; hands a full batch to the writer thread. */
  void add(RankedUser user) {
    String member = RankingCodec.member(user.reachedAtMillis(), user.userId());
    batch.ranking().put(member, RankingCodec.sortScore(user.score()));
    batch.members().put(user.userId(), member);
    batch.versions().put(user.userId(), Long.toString(user.version()));
    batch.names().put(user.userId(), user.displayName());
    if (user.updatedAt().isAfter(newestUpdate)) {
      newestUpdate = user.updatedAt();
    }
    if (batch.members().size() >= batchSize) {
      Batch full = batch;
      batch = new Batch(batchSize);
      awaitInFlight();
      inFlight = writerThread.submit(() -> write(full));
      written += full.members().size();
    }
  }

  /** Writes what is still buffered and returns once everything is in Redis. */
  void finish() {
    awaitInFlight();
    write(batch);
    written += batch.members().size();
    batch = new Batch(0);
  }

  long written() {
    return written;
  }

  /** The newest {@code updated_at} seen: the commit the rebuilt board reflects. */
  Instant newestUpdate() {
    return newestUpdate;
  }

  @Override
  public void close() {
    writerThread.shutdownNow();
  }

  private void write(Batch batch) {
    try (AbstractPipeline pipeline = redis.pipelined()) {
      if (!batch.members().isEmpty()) {
        pipeline.zadd(target.ranking(), batch.ranking());
        pipeline.hset(target.members(), batch.members());
        pipeline.hset(target.versions(), batch.versions());
        pipeline.hset(target.names(), batch.names());
      }
      for (String key : target.expiringKeys()) {
        pipeline.pexpire(key, ttlMillis);
      }
      pipeline.sync();
    }
  }

  private void awaitInFlight() {
    if (inFlight == null) {
      return;
    }
    try {
      inFlight.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing a rebuild batch", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException runtime
          ? runtime
          : new IllegalStateException(e.getCause());
    } finally {
      inFlight = null;
    }
  }
}
