package dev.livescoreboard.command.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.livescoreboard.infra.servers.EmbeddedKafkaBroker;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** The kafka health check against a broker of its own, which the test stops. */
class KafkaHealthIndicatorIT {

  @Test
  void upWhileTheBrokerAnswersAndDownWithoutHangingOnceItIsStopped() throws Exception {
    // Under java.io.tmpdir, which the build points at target/tmp.
    EmbeddedKafkaBroker broker =
        EmbeddedKafkaBroker.start(Files.createTempDirectory("kafka-health"), 0, 1);
    boolean running = true;
    KafkaHealthIndicator health =
        new KafkaHealthIndicator(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
            Duration.ofSeconds(1));
    try {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> health.health(true).getStatus().equals(Status.UP));
      assertThat(health.health(true).getDetails()).containsEntry("brokers", 1);

      broker.close();
      running = false;

      long start = System.nanoTime();
      Health down = health.health(true);
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertThat(down.getStatus()).isEqualTo(Status.DOWN);
      // The check waits 1 s for the broker; the bound is generous for a busy machine, and far
      // below the 30 s of Kafka's own default API timeout.
      assertThat(took).isLessThan(Duration.ofSeconds(10));
    } finally {
      health.destroy();
      if (running) {
        broker.close();
      }
    }
  }
}
