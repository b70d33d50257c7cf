package dev.livescoreboard.command.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.livescoreboard.command.problem.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class FlagCursorTest {

  @Test
  void encodedCursorDecodesToItsId() {
    assertThat(FlagCursor.decode(new FlagCursor(42).encode()).lastId()).isEqualTo(42);
  }

  @Test
  void anythingElseIsAValidationProblem() {
    for (String bad :
        new String[] {"", "!!", encode("42"), encode("f:0"), encode("f:+7"), encode("f:x")}) {
      assertThatThrownBy(() -> FlagCursor.decode(bad))
          .as(bad)
          .isInstanceOfSatisfying(
              ApiException.class, e -> assertThat(e.code().name()).isEqualTo("VALIDATION_FAILED"));
    }
  }

  private static String encode(String plain) {
    return Base64.getUrlEncoder().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
  }
}
