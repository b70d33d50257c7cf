package dev.livescoreboard.gateway.blocking;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs blocking work (Redis reads, JWKS fetches) off the event loops and hands each result back to
 * the event loop that asked, so handlers keep their single-threaded view of a channel.
 */
public final class BlockingExecutor implements AutoCloseable {

  private final Executor executor;

  /** Runs work on {@code executor}; tests pass {@code Runnable::run}. */
  public BlockingExecutor(Executor executor) {
    this.executor = executor;
  }

  /** A pool of {@code threads} with at most {@code queueCapacity} waiting tasks. */
  public static BlockingExecutor pool(int threads, int queueCapacity) {
    AtomicInteger count = new AtomicInteger();
    ThreadFactory factory =
        r -> {
          Thread t = new Thread(r, "gateway-blocking-" + count.incrementAndGet());
          t.setDaemon(true);
          return t;
        };
    return new BlockingExecutor(
        new ThreadPoolExecutor(
            threads,
            threads,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(queueCapacity),
            factory,
            new ThreadPoolExecutor.AbortPolicy()));
  }

  /**
   * Runs {@code work} on the pool; the returned future completes on {@code resultLoop}, so its
   * listeners run there. A full queue fails the future with {@link RejectedExecutionException}.
   */
  public <T> Future<T> submit(Callable<T> work, EventExecutor resultLoop) {
    Promise<T> promise = resultLoop.newPromise();
    try {
      executor.execute(
          () -> {
            try {
              promise.trySuccess(work.call());
            } catch (Throwable e) {
              promise.tryFailure(e);
            }
          });
    } catch (RejectedExecutionException e) {
      promise.tryFailure(e);
    }
    return promise;
  }

  /** Runs {@code work} on the pool with no result; returns false if the queue is full. */
  public boolean execute(Runnable work) {
    try {
      executor.execute(work);
      return true;
    } catch (RejectedExecutionException e) {
      return false;
    }
  }

  @Override
  public void close() {
    if (executor instanceof ExecutorService service) {
      service.shutdownNow();
    }
  }
}
