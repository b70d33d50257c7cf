package dev.livescoreboard.projector.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livescoreboard.events.Topics;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.util.backoff.BackOffExecution;

class KafkaErrorHandlingConfigurationTest {

  private static final KafkaSettings SETTINGS =
      new KafkaSettings(
          Topics.SCORE_EVENTS,
          "scoreboard-projector",
          1,
          new KafkaSettings.Retry(Duration.ofMillis(200), 2.0, Duration.ofSeconds(10)),
          Duration.ofSeconds(1));

  @Test
  void deadLetterTopicIsTheTopicWithDltSuffix() {
    assertThat(SETTINGS.deadLetterTopic()).isEqualTo(Topics.SCORE_EVENTS + ".DLT");
  }

  @Test
  void deadLettersNameThePoisonNotTheBatchWrappers() {
    IllegalStateException poison = new IllegalStateException("poison");
    Exception wrapped =
        new ListenerExecutionFailedException(
            "listener failed", new BatchListenerFailedException("poison record", poison, 3));

    assertThat(KafkaErrorHandlingConfiguration.poisonCause(wrapped)).isSameAs(poison);
    assertThat(KafkaErrorHandlingConfiguration.poisonCause(poison)).isSameAs(poison);
  }

  @Test
  void backOffGrowsExponentiallyUpToTheMaxIntervalAndNeverGivesUp() {
    BackOffExecution execution = KafkaErrorHandlingConfiguration.backOff(SETTINGS.retry()).start();

    assertThat(execution.nextBackOff()).isEqualTo(200);
    assertThat(execution.nextBackOff()).isEqualTo(400);
    long last = 0;
    for (int attempt = 0; attempt < 10_000; attempt++) {
      last = execution.nextBackOff();
      assertThat(last).isNotEqualTo(BackOffExecution.STOP);
    }
    assertThat(last).isEqualTo(10_000);
  }
}
