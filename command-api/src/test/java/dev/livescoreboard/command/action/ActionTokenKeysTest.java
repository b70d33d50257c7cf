package dev.livescoreboard.command.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class ActionTokenKeysTest {

  private static final String SECRET =
      Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

  @Test
  void firstKeySignsAndAllVerify() {
    ActionTokenKeys keys = ActionTokenKeys.parse("k2:" + SECRET + ", k1:" + SECRET);

    assertThat(keys.signingKid()).isEqualTo("k2");
    assertThat(keys.find("k1")).isPresent();
    assertThat(keys.find("k3")).isEmpty();
  }

  @Test
  void missingSecretsFailClearly() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ActionTokenKeys.parse(""))
        .withMessageContaining("SCOREBOARD_ACTION_TOKEN_SECRETS is required");
  }

  @Test
  void shortSecretIsRefusedWithoutPrintingIt() {
    String shortSecret = Base64.getEncoder().encodeToString("too-short".getBytes());
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ActionTokenKeys.parse("k1:" + shortSecret))
        .withMessageContaining("at least 32")
        .withMessageNotContaining(shortSecret);
  }

  @Test
  void entryWithoutKidIsRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> ActionTokenKeys.parse(SECRET));
  }

  @Test
  void duplicateKidIsRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ActionTokenKeys.parse("k1:" + SECRET + ",k1:" + SECRET));
  }
}
