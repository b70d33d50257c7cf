package dev.livescoreboard.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

  private static final Map<String, String> HOME = Map.of("SCOREBOARD_HOME", "/repo");

  @Test
  void defaultsMatchTheDocumentedCommand() {
    BenchOptions o = BenchOptions.parse(new String[0], HOME);

    assertThat(o.rate()).isEqualTo(200);
    assertThat(o.duration()).isEqualTo(Duration.ofSeconds(30));
    assertThat(o.warmup()).isEqualTo(Duration.ofSeconds(60));
    assertThat(o.ws()).isEqualTo(1000);
    assertThat(o.wsProcesses()).isEqualTo(1);
    assertThat(o.gets()).isEqualTo(500);
    assertThat(o.target()).isEmpty();
    assertThat(o.ceilings()).isTrue();
    assertThat(o.report()).isEqualTo(Path.of("/repo/docs/benchmarks.md"));
    assertThat(o.label()).isNotBlank();
  }

  @Test
  void noSseReadersByDefaultAndFiftyPlayersGetRankChanged() {
    BenchOptions o = BenchOptions.parse(new String[0], HOME);

    assertThat(o.sse()).isZero();
    assertThat(o.personal()).isEqualTo(50);
    assertThat(o.describe()).contains("sse=0, personal=50");
  }

  @Test
  void personalPlayersAreAtMostTheUsersAndSseReadersAreCounted() {
    BenchOptions o =
        BenchOptions.parse(new String[] {"--users=10", "--personal=20", "--sse=7"}, HOME);

    assertThat(o.personal()).isEqualTo(10);
    assertThat(o.sse()).isEqualTo(7);
    assertThat(BenchOptions.parse(new String[] {"--personal=0"}, HOME).personal()).isZero();
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--sse=-1"}, HOME))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sse");
  }

  @Test
  void defaultUsersKeepEveryUserUnderEightActionsPerMinute() {
    BenchOptions o = BenchOptions.parse(new String[] {"--rate=1000"}, HOME);

    assertThat(o.users()).isEqualTo(7500);
    assertThat(o.rate() * 60 / o.users()).isLessThanOrEqualTo(8);
    assertThat(BenchOptions.defaultUsers(5)).isEqualTo(38);
  }

  @Test
  void clientProcessesFollowTheClientCountUnlessGiven() {
    assertThat(BenchOptions.parse(new String[] {"--ws=200"}, HOME).wsProcesses())
        .as("clients leave the bench JVM by default")
        .isEqualTo(1);
    assertThat(BenchOptions.parse(new String[] {"--ws=15000"}, HOME).wsProcesses()).isEqualTo(1);
    assertThat(BenchOptions.parse(new String[] {"--ws=15001"}, HOME).wsProcesses()).isEqualTo(2);
    assertThat(BenchOptions.parse(new String[] {"--ws=20", "--ws-processes=0"}, HOME).wsProcesses())
        .isZero();
  }

  @Test
  void durationsAcceptSecondsMillisecondsAndMinutes() {
    assertThat(OptionValues.duration("x", "500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(OptionValues.duration("x", "1.5s")).isEqualTo(Duration.ofMillis(1500));
    assertThat(OptionValues.duration("x", "2m")).isEqualTo(Duration.ofMinutes(2));
    assertThat(OptionValues.duration("x", "7")).isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void runningTargetNamesGatewayCommandApiAuthAndOptionallyTheDatabase() {
    BenchOptions o =
        BenchOptions.parse(
            new String[] {
              "--target=http://h:8080,http://h:8081,http://h:8090,jdbc:postgresql://h/db"
            },
            HOME);

    assertThat(o.target()).isPresent();
    assertThat(o.target().get().gateway()).hasToString("http://h:8080");
    assertThat(o.target().get().commandApi()).hasToString("http://h:8081");
    assertThat(o.target().get().auth()).hasToString("http://h:8090");
    assertThat(o.target().get().jdbcUrl()).contains("jdbc:postgresql://h/db");
    assertThat(BenchOptions.parse(new String[] {"--target=local"}, HOME).target()).isEmpty();
  }

  @Test
  void unknownOrMalformedOptionsAreRefusedByName() {
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--speed=3"}, HOME))
        .hasMessageContaining("--speed");
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"rate=3"}, HOME))
        .hasMessageContaining("--key=value");
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--rate=0"}, HOME))
        .hasMessageContaining("--rate");
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--duration=soon"}, HOME))
        .hasMessageContaining("--duration");
  }

  @Test
  void reportPathIsResolvedAgainstTheRepositoryRoot() {
    assertThat(BenchOptions.parse(new String[] {"--report=target/b.md"}, HOME).report())
        .isEqualTo(Path.of("/repo/target/b.md"));
  }

  @Test
  void slowClientsAndHotUsersAreOffByDefault() {
    BenchOptions o = BenchOptions.parse(new String[0], HOME);

    assertThat(o.slowClients()).isZero();
    assertThat(o.hotUsers()).isZero();
    assertThat(o.action()).isEqualTo("COMPLETE_LEVEL");
    assertThat(o.describe()).doesNotContain("slow", "hot");
  }

  @Test
  void hotUsersProvisionOnlyThemselvesAndPlayAnActionWithoutHourlyQuota() {
    BenchOptions o = BenchOptions.parse(new String[] {"--rate=100", "--hot-users=10"}, HOME);

    assertThat(o.hotUsers()).isEqualTo(10);
    assertThat(o.users()).isEqualTo(10);
    assertThat(o.action()).isEqualTo(BenchOptions.HOT_ACTION);
    assertThat(o.describe()).contains("every action by one of 10 hot users");
    assertThat(
            BenchOptions.parse(new String[] {"--hot-users=10", "--action=WIN_MATCH"}, HOME)
                .action())
        .as("an explicit action wins")
        .isEqualTo("WIN_MATCH");
    assertThat(BenchOptions.parse(new String[] {"--hot-users=10", "--users=500"}, HOME).users())
        .isEqualTo(500);
  }

  @Test
  void hotUsersCannotExceedTheUsersAndCountsMustNotBeNegative() {
    assertThatThrownBy(
            () -> BenchOptions.parse(new String[] {"--hot-users=20", "--users=10"}, HOME))
        .hasMessageContaining("--hot-users");
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--slow-clients=-1"}, HOME))
        .hasMessageContaining("--slow-clients");
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--hot-users=many"}, HOME))
        .hasMessageContaining("--hot-users");
  }

  @Test
  void slowClientsAreCountedApartButShareTheClientProcesses() {
    BenchOptions o = BenchOptions.parse(new String[] {"--ws=500", "--slow-clients=200"}, HOME);

    assertThat(o.ws()).isEqualTo(500);
    assertThat(o.slowClients()).isEqualTo(200);
    assertThat(o.wsProcesses()).isEqualTo(1);
    assertThat(o.describe()).contains("ws=500 + 200 slow (not reading)");
    assertThat(
            BenchOptions.parse(new String[] {"--ws=15000", "--slow-clients=1"}, HOME).wsProcesses())
        .as("slow clients need file descriptors too")
        .isEqualTo(2);
  }

  @Test
  void serviceEnvSplitsItemsPerModule() {
    assertThat(
            OptionValues.serviceEnv("realtime-gateway:A=1;command-api:B=x=y; realtime-gateway:C=2"))
        .containsEntry("realtime-gateway", Map.of("A", "1", "C", "2"))
        .containsEntry("command-api", Map.of("B", "x=y"));
    assertThatThrownBy(() -> OptionValues.serviceEnv("KEY=V"))
        .hasMessageContaining("module:KEY=VALUE");
  }

  @Test
  void aCurveIsOffByDefault() {
    BenchOptions o = BenchOptions.parse(new String[0], HOME);

    assertThat(o.curve()).isEmpty();
    assertThat(o.connections()).isEqualTo(64);
    assertThat(o.slo()).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void curveStepsAreAscendingRatesWithEnoughUsersForTheHighest() {
    BenchOptions o =
        BenchOptions.parse(new String[] {"--curve=100,250,500,750,1000,1500,2000"}, HOME);

    assertThat(o.curve()).containsExactly(100.0, 250.0, 500.0, 750.0, 1000.0, 1500.0, 2000.0);
    assertThat(o.step()).isEqualTo(Duration.ofSeconds(30));
    assertThat(o.users()).as("2,000/s × 60 / 8").isEqualTo(15_000);
    assertThat(o.recoveryRate()).as("the first step's rate").isEqualTo(100);
    assertThat(o.connections()).isEqualTo(BenchOptions.CURVE_CONNECTIONS);
    assertThat(o.describeCurve())
        .contains("curve=100,250,500,750,1000,1500,2000/s", "slo=500ms", "timeout=2000ms");
  }

  @Test
  void curveStepLengthRecoveryRateSloAndConnectionsCanBeGiven() {
    BenchOptions o =
        BenchOptions.parse(
            new String[] {
              "--curve=5,10", "--step=4s", "--recovery-rate=3", "--slo=250ms", "--connections=32"
            },
            HOME);

    assertThat(o.step()).isEqualTo(Duration.ofSeconds(4));
    assertThat(o.recoveryRate()).isEqualTo(3);
    assertThat(o.slo()).isEqualTo(Duration.ofMillis(250));
    assertThat(o.connections()).isEqualTo(32);
    assertThat(o.users()).isEqualTo(BenchOptions.defaultUsers(10));
  }

  @Test
  void curveRatesMustBePositiveNumbersInAscendingOrder() {
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--curve=100,50"}, HOME))
        .hasMessageContaining("--curve")
        .hasMessageContaining("ascending");
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--curve=0,50"}, HOME))
        .hasMessageContaining("--curve");
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--curve=fast"}, HOME))
        .hasMessageContaining("--curve");
    assertThatThrownBy(
            () -> BenchOptions.parse(new String[] {"--curve=5", "--recovery-rate=0"}, HOME))
        .hasMessageContaining("--recovery-rate");
  }

  @Test
  void aCurveRefusesTooFewUsersAndAnSloBeyondTheTimeout() {
    assertThatThrownBy(
            () -> BenchOptions.parse(new String[] {"--curve=100,1000", "--users=500"}, HOME))
        .as("per-user 429s would pass for admission control's refusals")
        .hasMessageContaining("--users must be at least 7500");
    assertThat(BenchOptions.parse(new String[] {"--curve=100,1000", "--users=7500"}, HOME).users())
        .isEqualTo(7500);
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--curve=100", "--slo=3s"}, HOME))
        .hasMessageContaining("--slo");
  }

  @Test
  void theBroadcastCeilingIsAFlagWithItsOwnDefaults() {
    BenchOptions o = BenchOptions.parse(new String[] {"--broadcast-ceiling", "--ws=15000"}, HOME);

    assertThat(o.broadcastCeiling()).isTrue();
    assertThat(o.ws()).isEqualTo(15000);
    assertThat(o.rate()).isEqualTo(0.5);
    assertThat(o.duration()).isEqualTo(Duration.ofSeconds(60));
    assertThat(o.warmup()).isEqualTo(Duration.ofSeconds(120));
    assertThat(o.hotUsers()).isEqualTo(5);
    assertThat(o.users()).isEqualTo(5);
    assertThat(o.personal()).isZero();
    assertThat(o.describeBroadcastCeiling())
        .contains("ws=15000 per server", "rate=0.5 actions/s by 5 hot");
    assertThat(BenchOptions.parse(new String[0], HOME).broadcastCeiling()).isFalse();
    assertThat(
            BenchOptions.parse(new String[] {"--broadcast-ceiling=true", "--rate=1"}, HOME).rate())
        .isEqualTo(1);
  }

  @Test
  void theBroadcastCeilingNeedsClientsAndHotUsersAndNoCurve() {
    assertThatThrownBy(
            () -> BenchOptions.parse(new String[] {"--broadcast-ceiling", "--ws=0"}, HOME))
        .hasMessageContaining("--broadcast-ceiling");
    assertThatThrownBy(
            () -> BenchOptions.parse(new String[] {"--broadcast-ceiling", "--curve=1,2"}, HOME))
        .hasMessageContaining("--broadcast-ceiling");
    assertThatThrownBy(
            () -> BenchOptions.parse(new String[] {"--broadcast-ceiling", "--hot-users=0"}, HOME))
        .hasMessageContaining("--broadcast-ceiling");
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--ceilings"}, HOME))
        .as("only named flags go without a value")
        .hasMessageContaining("--key=value");
  }
}
