package dev.livescoreboard.command.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.livescoreboard.command.problem.ApiException;
import dev.livescoreboard.events.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class HistoryCursorTest {

  @Test
  void encodesAndDecodesToTheSameKeysetWithMicroseconds() {
    HistoryCursor cursor =
        new HistoryCursor(Instant.parse("2026-11-24T10:15:30.123456Z"), UUID.randomUUID());

    String token = cursor.encode();

    assertThat(token).matches("[A-Za-z0-9_-]+");
    assertThat(HistoryCursor.decode(token)).isEqualTo(cursor);
  }

  @Test
  void instantsBeforeTheEpochSurviveToo() {
    HistoryCursor cursor =
        new HistoryCursor(Instant.parse("1969-12-31T23:59:59.000001Z"), UUID.randomUUID());

    assertThat(HistoryCursor.decode(cursor.encode())).isEqualTo(cursor);
  }

  @Test
  void anythingElseIsAValidationError() {
    String uuid = UUID.randomUUID().toString();
    for (String bad :
        new String[] {
          "",
          "not base64!",
          b64("no-colon"),
          b64("abc:" + uuid),
          b64("123:not-a-uuid"),
          b64("123:" + uuid.toUpperCase()),
          b64("1' OR '1'='1:" + uuid),
          "A".repeat(500)
        }) {
      assertThatThrownBy(() -> HistoryCursor.decode(bad))
          .as(bad)
          .isInstanceOfSatisfying(
              ApiException.class,
              e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
                assertThat(e.detail()).startsWith("cursor:");
              });
    }
  }

  private static String b64(String plain) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
  }
}
