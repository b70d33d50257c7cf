package dev.livescoreboard.auth.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LocalDenylistTest {

  private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

  @Test
  void aRevokedIdIsDeniedUntilItsTokenExpires() {
    LocalDenylist now = new LocalDenylist(Clock.fixed(T0, ZoneOffset.UTC));
    now.add("j1", T0.plusSeconds(60));

    assertThat(now.contains("j1")).isTrue();
    assertThat(now.contains("j2")).isFalse();
    assertThat(now.contains(null)).isFalse();
  }

  @Test
  void anExpiredRevocationIsForgotten() {
    LocalDenylist later = new LocalDenylist(Clock.fixed(T0.plusSeconds(61), ZoneOffset.UTC));
    later.add("j1", T0.plusSeconds(60));

    assertThat(later.contains("j1")).isFalse();
  }
}
