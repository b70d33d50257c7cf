package dev.livescoreboard.auth.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RevocationKeysTest {

  @Test
  void anAnnouncedRevocationReadsBackWithItsJtiAndExpiry() {
    Instant until = Instant.parse("2026-11-24T12:00:00.123Z");

    RevocationKeys.Published read = RevocationKeys.parse(RevocationKeys.message("a b:c", until));

    assertThat(read).isEqualTo(new RevocationKeys.Published("a b:c", until));
  }

  @Test
  void messagesThatAreNoRevocationAreIgnored() {
    assertThat(RevocationKeys.parse("")).isNull();
    assertThat(RevocationKeys.parse("123")).isNull();
    assertThat(RevocationKeys.parse("123 ")).isNull();
    assertThat(RevocationKeys.parse("soon jti")).isNull();
  }

  @Test
  void keysAndChannelCarryThePrefix() {
    RevocationKeys keys = new RevocationKeys("dep1:");

    assertThat(keys.key("abc")).isEqualTo("dep1:revoked-jti:abc");
    assertThat(keys.channel()).isEqualTo("dep1:revocations");
  }

  @Test
  void theScanPatternEscapesGlobCharactersOfThePrefix() {
    RevocationKeys keys = new RevocationKeys("t[1]*:");

    assertThat(keys.pattern()).isEqualTo("t\\[1\\]\\*:revoked-jti:*");
    assertThat(keys.jtiOf(keys.key("abc"))).isEqualTo("abc");
  }
}
