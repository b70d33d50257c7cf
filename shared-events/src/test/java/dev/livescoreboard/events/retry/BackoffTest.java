package dev.livescoreboard.events.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

  private static final Duration BASE = Duration.ofMillis(100);
  private static final Duration MAX = Duration.ofMillis(500);

  @Test
  void ceilingsDoubleUpToTheMaximumAndStartOverAfterAReset() {
    for (int run = 0; run < 200; run++) {
      Backoff backoff = new Backoff(BASE, MAX);

      assertThat(backoff.next()).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
      assertThat(backoff.next()).isBetween(Duration.ofMillis(50), Duration.ofMillis(200));
      assertThat(backoff.next()).isBetween(Duration.ofMillis(50), Duration.ofMillis(400));
      assertThat(backoff.next()).isBetween(Duration.ofMillis(50), MAX);
      assertThat(backoff.next()).isBetween(Duration.ofMillis(50), MAX);

      backoff.reset();

      assertThat(backoff.next()).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
    }
  }

  @Test
  void pausesAreSpreadSoInstancesDoNotRetryInLockstep() {
    Backoff backoff = new Backoff(BASE, Duration.ofSeconds(60));
    for (int i = 0; i < 10; i++) {
      backoff.next();
    }

    long distinct = java.util.stream.Stream.generate(backoff::next).limit(20).distinct().count();

    assertThat(distinct).isGreaterThan(1);
  }

  @Test
  void anInterruptedPauseReturnsFalseAndKeepsTheInterrupt() {
    Backoff backoff = new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(10));
    Thread.currentThread().interrupt();
    try {
      assertThat(backoff.pause()).isFalse();
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void aBaseAboveTheMaximumIsRefused() {
    assertThatThrownBy(() -> new Backoff(MAX, BASE)).isInstanceOf(IllegalArgumentException.class);
  }
}
