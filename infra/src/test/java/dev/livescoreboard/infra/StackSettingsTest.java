package dev.livescoreboard.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StackSettingsTest {

  @Test
  void defaultsStartEverythingEmbeddedOnTheDocumentedPortsWithPlayers() {
    StackSettings settings = StackSettings.fromEnvironment(Map.of(), new String[0]);

    assertThat(settings.ports().gateway()).isEqualTo(8080);
    assertThat(settings.ports().commandApi()).isEqualTo(8081);
    assertThat(settings.ports().projector()).isEqualTo(8082);
    assertThat(settings.ports().auth()).isEqualTo(8090);
    assertThat(settings.simulate()).isTrue();
    assertThat(settings.durable()).isTrue();
    assertThat(settings.database()).isEqualTo("scoreboard");
    assertThat(settings.dataDir().getFileName()).hasToString(".scoreboard-data");
    assertThat(settings.external().postgresUrl()).isEmpty();
    assertThat(settings.kafkaHosting()).isEqualTo(StackSettings.KafkaHosting.IN_PROCESS);
  }

  @Test
  void addingServiceEnvironmentKeepsWhereKafkaRuns() {
    StackSettings local = StackSettings.fromEnvironment(Map.of(), new String[0]);
    StackSettings child =
        new StackSettings(
            local.home(),
            local.dataDir(),
            local.ports(),
            true,
            false,
            "scoreboard",
            "topic",
            "",
            StackSettings.External.none(),
            Map.of(),
            StackSettings.KafkaHosting.CHILD_JVM);

    StackSettings tuned = child.withServiceEnv("command-api", Map.of("K", "V"));

    assertThat(tuned.kafkaHosting()).isEqualTo(StackSettings.KafkaHosting.CHILD_JVM);
    assertThat(tuned.serviceEnv()).isEqualTo(Map.of("command-api", Map.of("K", "V")));
    assertThat(tuned.ports()).isEqualTo(child.ports());
    assertThat(tuned.withInstances(2).withServiceEnv("x", Map.of()).instances()).isEqualTo(2);
  }

  @Test
  void noSimulatorFlagTurnsPlayersOff() {
    assertThat(StackSettings.fromEnvironment(Map.of(), new String[] {"--no-simulator"}).simulate())
        .isFalse();
    assertThat(
            StackSettings.fromEnvironment(Map.of("SCOREBOARD_SIMULATOR", "false"), new String[0])
                .simulate())
        .isFalse();
  }

  @Test
  void instancesFlagRunsThatManyOfEachServiceAndDefaultsToOne() {
    assertThat(StackSettings.fromEnvironment(Map.of(), new String[0]).instances()).isEqualTo(1);
    assertThat(StackSettings.fromEnvironment(Map.of(), new String[] {"--instances=2"}).instances())
        .isEqualTo(2);
    assertThatThrownBy(
            () -> StackSettings.fromEnvironment(Map.of(), new String[] {"--instances=0"}))
        .hasMessageContaining("at least 1");
    assertThatThrownBy(
            () -> StackSettings.fromEnvironment(Map.of(), new String[] {"--instances=two"}))
        .hasMessageContaining("takes a number");
  }

  @Test
  void environmentPointsTheStackAtExistingServers() {
    StackSettings settings =
        StackSettings.fromEnvironment(
            Map.of(
                "SCOREBOARD_POSTGRES_URL", "jdbc:postgresql://db:5432/lb",
                "SCOREBOARD_REDIS_URL", "redis://cache:6379",
                "SCOREBOARD_KAFKA_BOOTSTRAP", "kafka:9092"),
            new String[0]);

    assertThat(settings.external().postgresUrl()).contains("jdbc:postgresql://db:5432/lb");
    assertThat(settings.database()).as("an external URL names its database").isNull();
    assertThat(settings.external().redisUrl()).contains("redis://cache:6379");
    assertThat(settings.external().kafkaBootstrap()).contains("kafka:9092");
  }

  @Test
  void demoUsersHaveDistinctIdsAndNames() {
    assertThat(DemoUsers.ids()).hasSize(50).doesNotHaveDuplicates();
    assertThat(DemoUsers.ids().stream().map(DemoUsers::nameOf)).doesNotHaveDuplicates();
  }
}
