package dev.livescoreboard.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GatewaySettingsTest {

  @Test
  void defaultsMatchTheEnvironmentContract() {
    GatewaySettings settings = GatewaySettings.fromEnvironment(Map.of());
    assertThat(settings.port()).isEqualTo(8080);
    assertThat(settings.redisUrl().toString()).isEqualTo("redis://127.0.0.1:6379");
    assertThat(settings.redisKeyPrefix()).isEmpty();
    assertThat(settings.jwtAudience()).isEqualTo("scoreboard");
    assertThat(settings.publicRead()).isFalse();
    assertThat(settings.allowedOrigins())
        .containsExactlyInAnyOrder("http://localhost:8080", "http://127.0.0.1:8080");
    assertThat(settings.maxFrameBytes()).isEqualTo(4096);
    assertThat(settings.heartbeat()).isEqualTo(Duration.ofSeconds(30));
    assertThat(settings.idleClose()).isEqualTo(Duration.ofSeconds(60));
    assertThat(settings.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(settings.drainTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(settings.maxConnectionsPerUser()).isEqualTo(5);
    assertThat(settings.maxConnections()).isEqualTo(18_000);
    assertThat(settings.broadcastInterval()).isEqualTo(Duration.ofMillis(50));
    assertThat(settings.ioThreads()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(settings.sse())
        .isEqualTo(new SseSettings(Duration.ofSeconds(15), Duration.ofSeconds(2), 100));
    assertThat(settings.messagesPerSecond()).isEqualTo(10);
    assertThat(settings.messageBurst()).isEqualTo(20);
    // The same skew as command-api's scoreboard.jwt.clock-skew.
    assertThat(settings.accessTokens().clockSkew()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void booleanVariablesIgnoreCaseAndSurroundingBlanks() {
    GatewaySettings settings =
        GatewaySettings.fromEnvironment(Map.of("SCOREBOARD_GATEWAY_PUBLIC_READ", " TRUE "));
    assertThat(settings.publicRead()).isTrue();
  }

  @Test
  void publicReadTypoIsRejectedRatherThanReadAsOff() {
    assertThatThrownBy(
            () -> GatewaySettings.fromEnvironment(Map.of("SCOREBOARD_GATEWAY_PUBLIC_READ", "yes")))
        .hasMessageContaining("SCOREBOARD_GATEWAY_PUBLIC_READ");
  }

  @Test
  void environmentOverridesDefaults() {
    GatewaySettings settings =
        GatewaySettings.fromEnvironment(
            Map.of(
                "SCOREBOARD_GATEWAY_PORT", "0",
                "SCOREBOARD_REDIS_KEY_PREFIX", "t1:",
                "SCOREBOARD_GATEWAY_PUBLIC_READ", "true",
                "SCOREBOARD_GATEWAY_ALLOWED_ORIGINS", " https://Scores.example.com/ , http://a:1",
                "SCOREBOARD_GATEWAY_MAX_CONNECTIONS_PER_USER", "2",
                "SCOREBOARD_GATEWAY_IO_THREADS", "3"));
    assertThat(settings.ioThreads()).isEqualTo(3);
    assertThat(settings.port()).isZero();
    assertThat(settings.redisKeyPrefix()).isEqualTo("t1:");
    assertThat(settings.publicRead()).isTrue();
    assertThat(settings.maxConnectionsPerUser()).isEqualTo(2);
    assertThat(settings.allowsOrigin("https://scores.example.com")).isTrue();
    assertThat(settings.allowsOrigin("http://a:1")).isTrue();
    assertThat(settings.allowsOrigin("http://evil.example")).isFalse();
  }

  @Test
  void nonsenseIsRejectedAtStartup() {
    assertThatThrownBy(
            () -> GatewaySettings.fromEnvironment(Map.of("SCOREBOARD_GATEWAY_PORT", "eighty")))
        .hasMessageContaining("SCOREBOARD_GATEWAY_PORT");
    assertThatThrownBy(
            () ->
                GatewaySettings.fromEnvironment(
                    Map.of("SCOREBOARD_GATEWAY_IDLE_CLOSE_SECONDS", "10")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                GatewaySettings.fromEnvironment(Map.of("SCOREBOARD_GATEWAY_MAX_CONNECTIONS", "0")))
        .hasMessageContaining("maxConnections");
    assertThatThrownBy(
            () ->
                GatewaySettings.fromEnvironment(
                    Map.of("SCOREBOARD_GATEWAY_REQUEST_TIMEOUT_SECONDS", "0")))
        .hasMessageContaining("requestTimeout");
  }
}
