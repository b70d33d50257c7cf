package dev.livescoreboard.bench.http;

/** When each arrival of an open-model load is due: fixed in advance, whatever the answers. */
interface Arrivals {

  /** {@link System#nanoTime()} when arrival {@code i} (from 0) is due. */
  long intendedNanos(long i);
}
