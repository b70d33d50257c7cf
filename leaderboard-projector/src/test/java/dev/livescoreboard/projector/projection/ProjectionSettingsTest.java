package dev.livescoreboard.projector.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
