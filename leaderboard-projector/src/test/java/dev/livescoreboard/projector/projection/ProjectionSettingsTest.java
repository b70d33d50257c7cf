package dev.livescoreboard.projector.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.livescoreboard.events.BoardDefaults;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

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
  void topNIsTheSharedDefaultUnlessSet() {
    // application.yml passes SCOREBOARD_TOP_N through, empty when it is not set.
    assertThat(bind(Map.of("scoreboard.projection.top-n", "")).topN())
        .isEqualTo(BoardDefaults.TOP_N);
    assertThat(bind(Map.of()).topN()).isEqualTo(BoardDefaults.TOP_N);
    assertThat(bind(Map.of("scoreboard.projection.top-n", "3")).topN()).isEqualTo(3);
  }

  private static ProjectionSettings bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("scoreboard.projection", ProjectionSettings.class);
  }
}
