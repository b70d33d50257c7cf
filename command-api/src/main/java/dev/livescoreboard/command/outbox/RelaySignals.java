package dev.livescoreboard.command.outbox;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What the relay thread waits for, kept as two flags: rows were committed (a writer woke the relay)
 * and a batch was acknowledged by Kafka. Any number of signals while the relay is busy count once.
 * The relay clears the rows flag before it claims, so a commit announced after that is picked up by
 * the next claim, never lost.
 */
final class RelaySignals {

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition raised = lock.newCondition();
  private boolean rowsCommitted;
  private boolean batchAcked;

  /** Rows were committed; cheap and safe from any thread. */
  void rowsCommitted() {
    raise(true);
  }

  /** A sent batch completed (acknowledged or failed); safe from the producer's I/O thread. */
  void batchAcked() {
    raise(false);
  }

  private void raise(boolean rows) {
    lock.lock();
    try {
      if (rows) {
        rowsCommitted = true;
      } else {
        batchAcked = true;
      }
      raised.signal();
    } finally {
      lock.unlock();
    }
  }

  /** Waits until rows are committed or the timeout passes; returns whether rows were committed. */
  boolean awaitRows(long timeoutNanos) throws InterruptedException {
    return await(System.nanoTime() + timeoutNanos, false);
  }

  /**
   * Waits until rows are committed, a batch completes or the deadline ({@link System#nanoTime()})
   * passes; returns whether rows were committed.
   */
  boolean awaitRowsOrAck(long deadlineNanos) throws InterruptedException {
    return await(deadlineNanos, true);
  }

  private boolean await(long deadlineNanos, boolean orAck) throws InterruptedException {
    lock.lock();
    try {
      long left = deadlineNanos - System.nanoTime();
      while (!rowsCommitted && !(orAck && batchAcked) && left > 0) {
        left = raised.awaitNanos(left);
      }
      boolean rows = rowsCommitted;
      rowsCommitted = false;
      if (orAck) {
        batchAcked = false;
      }
      return rows;
    } finally {
      lock.unlock();
    }
  }
}
