package dev.livescoreboard.infra.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

/** The broker in its own JVM: serves clients, is a different process, and stops cleanly. */
class KafkaBrokerProcessIT {

  @Test
  void brokerInAChildJvmServesClientsAndStopsCleanlyWhenItsStdinEnds() throws Exception {
    Path dir = Files.createTempDirectory("kafka-child-");
    KafkaBrokerProcess broker =
        KafkaBrokerProcess.start(dir.resolve("data"), 0, 2, dir.resolve("kafka-broker.log"));
    try {
      assertThat(broker.pid()).isNotEqualTo(ProcessHandle.current().pid());
      try (Admin admin =
          Admin.create(
              Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
        admin
            .createTopics(List.of(new NewTopic("child-broker-check", 2, (short) 1)))
            .all()
            .get(60, TimeUnit.SECONDS);
        assertThat(admin.listTopics().names().get(60, TimeUnit.SECONDS))
            .contains("child-broker-check");
      }
    } finally {
      broker.close();
    }

    assertThat(ProcessHandle.of(broker.pid()).map(ProcessHandle::isAlive))
        .isNotEqualTo(java.util.Optional.of(true));
    assertThat(broker.exitValue())
        .as("0 = shut down by itself on end of stdin, not killed")
        .isZero();
  }
}
