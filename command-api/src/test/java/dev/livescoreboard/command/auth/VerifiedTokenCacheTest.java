package dev.livescoreboard.command.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livescoreboard.auth.VerifiedAccessToken;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerifiedTokenCacheTest {

  private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

  private final SettableClock clock = new SettableClock(T0);

  private static VerifiedAccessToken expiringAt(Instant exp) {
    return new VerifiedAccessToken("u1", "U", List.of(), "jti-1", exp);
  }

  @Test
  void aVerifiedTokenIsAnsweredFromTheCache() {
    VerifiedTokenCache cache = new VerifiedTokenCache(clock, 10, Duration.ofSeconds(60));
    VerifiedAccessToken token = expiringAt(T0.plusSeconds(300));
    cache.put("t", token);

    assertThat(cache.get("t")).isSameAs(token);
    assertThat(cache.get("other")).isNull();
  }

  @Test
  void aTokenIsNotAnsweredAfterItExpires() {
    VerifiedTokenCache cache = new VerifiedTokenCache(clock, 10, Duration.ofSeconds(60));
    cache.put("t", expiringAt(T0.plusSeconds(30)));

    clock.now = T0.plusSeconds(30);

    assertThat(cache.get("t")).isNull();
  }

  @Test
  void aTokenIsTrustedAtMostTheTtlEvenWhenItLivesLonger() {
    VerifiedTokenCache cache = new VerifiedTokenCache(clock, 10, Duration.ofSeconds(60));
    cache.put("t", expiringAt(T0.plusSeconds(3600)));

    clock.now = T0.plusSeconds(59);
    assertThat(cache.get("t")).isNotNull();
    clock.now = T0.plusSeconds(61);
    assertThat(cache.get("t")).isNull();
  }

  @Test
  void sizeZeroRemembersNothing() {
    VerifiedTokenCache cache = new VerifiedTokenCache(clock, 0, Duration.ofSeconds(60));
    cache.put("t", expiringAt(T0.plusSeconds(300)));

    assertThat(cache.get("t")).isNull();
  }

  /** A clock the test moves. */
  private static final class SettableClock extends Clock {
    private volatile Instant now;

    SettableClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
