package dev.livescoreboard.projector.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livescoreboard.events.Topics;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class KafkaSettingsTest {

  private static final Map<String, String> REQUIRED =
      Map.of("scoreboard.kafka.group", "g", "scoreboard.kafka.concurrency", "1");

  @Test
  void topicIsTheContractsTopicUnlessNamed() {
    assertThat(bind(REQUIRED).topic()).isEqualTo(Topics.SCORE_EVENTS);
    Map<String, String> named = new HashMap<>(REQUIRED);
    named.put("scoreboard.kafka.topic", "other.topic");
    assertThat(bind(named).topic()).isEqualTo("other.topic");
  }

  private static KafkaSettings bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("scoreboard.kafka", KafkaSettings.class);
  }
}
