package dev.livescoreboard.infra.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuditOptionsTest {

  @Test
  void withoutArgumentsOrEnvironmentItAuditsTheLocalStack() {
    AuditOptions options = AuditOptions.parse(List.of(), Map.of());

    assertThat(options.projector()).isEqualTo(URI.create("http://127.0.0.1:8082"));
    assertThat(options.devAuth()).isEqualTo(URI.create("http://127.0.0.1:8090"));
    assertThat(options.adminToken()).isEmpty();
  }

  @Test
  void argumentsOverrideTheEnvironmentAndABlankTokenMeansMintOne() {
    Map<String, String> env =
        Map.of(
            "SCOREBOARD_PROJECTOR_URL", "http://projector:8082/",
            "SCOREBOARD_AUTH_URL", "http://auth:8090",
            "SCOREBOARD_ADMIN_TOKEN", " ");

    AuditOptions fromEnv = AuditOptions.parse(List.of(), env);
    AuditOptions fromArgs =
        AuditOptions.parse(List.of("--projector=http://other:9000", "--auth=http://a:1"), env);

    assertThat(fromEnv.projector()).isEqualTo(URI.create("http://projector:8082"));
    assertThat(fromEnv.adminToken()).isEmpty();
    assertThat(fromArgs.projector()).isEqualTo(URI.create("http://other:9000"));
    assertThat(fromArgs.devAuth()).isEqualTo(URI.create("http://a:1"));
    assertThat(AuditOptions.parse(List.of(), Map.of("SCOREBOARD_ADMIN_TOKEN", "t")).adminToken())
        .isEqualTo(Optional.of("t"));
  }

  @Test
  void anUnknownArgumentIsRefused() {
    assertThatThrownBy(() -> AuditOptions.parse(List.of("--projectr=x"), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--projectr=x");
  }
}
