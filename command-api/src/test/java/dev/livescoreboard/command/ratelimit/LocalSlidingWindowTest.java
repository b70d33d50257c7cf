package dev.livescoreboard.command.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LocalSlidingWindowTest {

  private static final Duration MINUTE = Duration.ofMinutes(1);

  private final AtomicLong now = new AtomicLong(1_000_000);
  private final LocalSlidingWindow window = new LocalSlidingWindow(now::get);

  @Test
  void allowsUpToTheLimitThenRefusesWithTheTimeUntilASlotFrees() {
    for (int i = 0; i < 3; i++) {
      RateLimitDecision decision = window.acquire("k", 3, MINUTE);
      assertThat(decision.allowed()).isTrue();
      assertThat(decision.remaining()).isEqualTo(2 - i);
      now.addAndGet(1_000);
    }

    RateLimitDecision refused = window.acquire("k", 3, MINUTE);

    assertThat(refused.allowed()).isFalse();
    assertThat(refused.remaining()).isZero();
    assertThat(refused.resetMillis()).isEqualTo(57_000);
    assertThat(refused.resetSeconds()).isEqualTo(57);
  }

  @Test
  void windowSlidesSoTheOldestRequestFreesTheFirstSlot() {
    window.acquire("k", 2, MINUTE);
    now.addAndGet(30_000);
    window.acquire("k", 2, MINUTE);
    assertThat(window.acquire("k", 2, MINUTE).allowed()).isFalse();

    now.addAndGet(30_000);

    assertThat(window.acquire("k", 2, MINUTE).allowed()).isTrue();
    assertThat(window.acquire("k", 2, MINUTE).allowed()).isFalse();
  }

  @Test
  void refusedRequestsAreNotCounted() {
    window.acquire("k", 1, MINUTE);
    for (int i = 0; i < 5; i++) {
      assertThat(window.acquire("k", 1, MINUTE).allowed()).isFalse();
    }

    now.addAndGet(60_000);

    assertThat(window.acquire("k", 1, MINUTE).allowed()).isTrue();
  }

  @Test
  void keysAreCountedSeparately() {
    assertThat(window.acquire("a", 1, MINUTE).allowed()).isTrue();
    assertThat(window.acquire("b", 1, MINUTE).allowed()).isTrue();
    assertThat(window.acquire("a", 1, MINUTE).allowed()).isFalse();
  }

  @Test
  void idleKeysArePruned() {
    for (int i = 0; i < 1000; i++) {
      window.acquire("key-" + i, 5, MINUTE);
    }
    now.addAndGet(61_000);
    for (int i = 0; i < 100; i++) {
      window.acquire("fresh", 1000, MINUTE);
    }

    assertThat(window.trackedKeys()).isLessThan(10);
  }

  @Test
  void resetIsRoundedUpToWholeSeconds() {
    assertThat(new RateLimitDecision(false, 1, 0, 1).resetSeconds()).isEqualTo(1);
    assertThat(new RateLimitDecision(false, 1, 0, 1_001).resetSeconds()).isEqualTo(2);
    assertThat(new RateLimitDecision(false, 1, 0, 0).resetSeconds()).isEqualTo(1);
  }
}
