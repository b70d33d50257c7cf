package dev.livescoreboard.command.system;

import java.util.function.IntUnaryOperator;

/**
 * The shape of every purge: delete a small batch per statement, each its own short transaction,
 * until a batch comes back short. No statement runs long or holds many row locks, and a large
 * backlog (after an outage of the purge) is worked off the same way as a normal run. Callers select
 * their batch {@code FOR UPDATE SKIP LOCKED}, so a purge never waits for a row someone else holds.
 */
public final class BatchedDelete {

  private BatchedDelete() {}

  /**
   * Runs {@code deleteBatch} until it deletes fewer rows than {@code batchSize}, or the thread is
   * interrupted (the application is stopping; the next run goes on).
   *
   * @param deleteBatch given the batch size, deletes at most that many rows and returns how many
   * @return how many rows were deleted in all
   */
  public static long untilShort(int batchSize, IntUnaryOperator deleteBatch) {
    long total = 0;
    int deleted;
    do {
      deleted = deleteBatch.applyAsInt(batchSize);
      total += deleted;
    } while (deleted >= batchSize && !Thread.currentThread().isInterrupted());
    return total;
  }
}
