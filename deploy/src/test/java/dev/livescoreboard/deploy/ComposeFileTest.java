package dev.livescoreboard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * deploy/compose.yaml as Docker Compose reads it ({@code docker-compose config}, Debian's package),
 * and the nginx configuration in front of it.
 */
class ComposeFileTest {

  private static Map<String, Object> resolved;

  private static final Tool COMPOSE = new Tool("docker-compose", "docker-compose");

  /** Placeholders for the values compose.yaml demands from the environment. */
  private static final Map<String, String> SITE =
      Map.of(
          "POSTGRES_PASSWORD", "pg-secret",
          "REDIS_PASSWORD", "redis-secret",
          "SCOREBOARD_ACTION_TOKEN_SECRETS", "k1:c2VjcmV0",
          "SCOREBOARD_JWT_JWKS_URL", "https://auth.test/.well-known/jwks.json",
          "SCOREBOARD_JWT_ISSUER", "https://auth.test");

  private static final List<String> INSTANCES =
      List.of(
          "command-api-1",
          "command-api-2",
          "leaderboard-projector-1",
          "leaderboard-projector-2",
          "realtime-gateway-1",
          "realtime-gateway-2");

  @Test
  void composeAcceptsTheFileAndRunsTwoOfEachServiceBehindTheProxy() throws Exception {
    Map<String, Object> config = config();
    Map<?, ?> services = (Map<?, ?>) config.get("services");

    assertThat(services.keySet().stream().map(String::valueOf).toList())
        .containsExactlyInAnyOrderElementsOf(
            concat(INSTANCES, List.of("postgres", "redis", "kafka", "proxy")));
    for (String instance : INSTANCES) {
      Map<?, ?> service = (Map<?, ?>) services.get(instance);
      String module = instance.replaceFirst("-\\d$", "");
      assertThat((String) service.get("image")).startsWith("livescoreboard/" + module + ":");
      assertThat(service.get("healthcheck")).as(instance).isNotNull();
      assertThat(service.get("mem_limit")).as(instance).isNotNull();
    }
    assertThat(((Map<?, ?>) services.get("proxy")).get("ports")).asList().hasSize(1);
    assertThat(INSTANCES)
        .as("only the proxy is published")
        .allSatisfy(i -> assertThat(((Map<?, ?>) services.get(i)).get("ports")).isNull());
  }

  @Test
  void kafkaRunsInKraftModeFromTheOfficialImage() throws Exception {
    Map<?, ?> kafka = (Map<?, ?>) ((Map<?, ?>) config().get("services")).get("kafka");
    Map<?, ?> env = (Map<?, ?>) kafka.get("environment");

    assertThat((String) kafka.get("image")).startsWith("apache/kafka:");
    assertThat(String.valueOf(env.get("KAFKA_PROCESS_ROLES"))).contains("controller");
    assertThat(env.containsKey("KAFKA_ZOOKEEPER_CONNECT")).isFalse();
  }

  @Test
  void secretsComeFromTheEnvironmentAndComposeRefusesToStartWithoutThem() throws Exception {
    Map<?, ?> commandApi = (Map<?, ?>) ((Map<?, ?>) config().get("services")).get("command-api-1");
    Map<?, ?> env = (Map<?, ?>) commandApi.get("environment");
    assertThat(env.get("SCOREBOARD_DB_PASSWORD")).isEqualTo("pg-secret");
    assertThat(env.get("SCOREBOARD_ACTION_TOKEN_SECRETS")).isEqualTo("k1:c2VjcmV0");

    Tool.Result withoutPassword =
        COMPOSE.required().run(Repo.DEPLOY, without(SITE, "POSTGRES_PASSWORD"), configArgs());
    assertThat(withoutPassword.exitCode()).isNotZero();
    assertThat(withoutPassword.output()).contains("POSTGRES_PASSWORD");
  }

  @Test
  void theServicesReadTheVariablesComposeSets() {
    // A misspelt variable would be ignored by the service and silently fall back to a default.
    Matcher m =
        Pattern.compile("(?m)^\\s+((SCOREBOARD|SERVER|MANAGEMENT)_[A-Z_]+):")
            .matcher(Repo.read(Repo.DEPLOY.resolve("compose.yaml")));
    List<String> names = new java.util.ArrayList<>();
    while (m.find()) {
      names.add(m.group(1));
    }
    assertThat(names).hasSizeGreaterThan(10);
    assertThat(names.stream().filter(n -> !Repo.someServiceReads(n)).toList()).isEmpty();
  }

  @Test
  void nginxPassesWebSocketUpgradesAndBalancesBothInstancesOfEachService() {
    String nginx = Repo.read(Repo.DEPLOY.resolve("nginx/nginx.conf"));

    String ws = block(nginx, "location = /ws");
    assertThat(ws).contains("proxy_set_header Upgrade $http_upgrade;");
    assertThat(ws).contains("proxy_set_header Connection $connection_upgrade;");
    assertThat(ws).containsPattern("proxy_read_timeout (\\d+h|[1-9]\\d{3,}s?);");
    assertThat(nginx).contains("proxy_http_version 1.1;");
    assertThat(block(nginx, "location /api/v1/leaderboards")).contains("proxy_buffering off;");
    assertThat(block(nginx, "upstream command_api"))
        .contains(
            "server command-api-1:" + Repo.defaultPort("command-api"),
            "server command-api-2:" + Repo.defaultPort("command-api"));
    assertThat(block(nginx, "upstream realtime_gateway"))
        .contains(
            "server realtime-gateway-1:" + Repo.defaultPort("realtime-gateway"),
            "server realtime-gateway-2:" + Repo.defaultPort("realtime-gateway"));
  }

  private static String block(String conf, String header) {
    int start = conf.indexOf(header + " {");
    assertThat(start).as(header).isNotNegative();
    return conf.substring(start, conf.indexOf('}', start));
  }

  /** The file as compose resolves it with SITE; compose takes seconds to start, so it runs once. */
  private static synchronized Map<String, Object> config() throws Exception {
    if (resolved == null) {
      Tool.Result result = COMPOSE.required().run(Repo.DEPLOY, SITE, configArgs());
      assertThat(result.exitCode()).as(result.output()).isZero();
      resolved = new Yaml(new SafeConstructor(new LoaderOptions())).load(result.output());
    }
    return resolved;
  }

  /** An empty env file, so a developer's deploy/.env does not take part. */
  private static String[] configArgs() throws IOException {
    Path empty = Files.createTempFile("compose", ".env");
    return new String[] {"--env-file", empty.toString(), "-f", "compose.yaml", "config"};
  }

  private static Map<String, String> without(Map<String, String> env, String key) {
    Map<String, String> copy = new java.util.HashMap<>(env);
    copy.remove(key);
    return copy;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
