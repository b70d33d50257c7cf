package dev.livescoreboard.projector.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.livescoreboard.projector.script.LuaScript;
import org.junit.jupiter.api.Test;

class ProjectionSettingsTest {

  @Test
  void topNMustBePositiveAndBounded() {
    assertThat(new ProjectionSettings(10).topN()).isEqualTo(10);
    assertThatThrownBy(() -> new ProjectionSettings(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ProjectionSettings(ProjectionSettings.MAX_TOP_N + 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void scriptShaIsTheSha1RedisComputes() {
    // SHA-1 of the empty string, as SCRIPT LOAD "" answers.
    assertThat(LuaScript.sha1Hex("")).isEqualTo("da39a3ee5e6b4b0d3255bfef95601890afd80709");
  }
}
