package dev.livescoreboard.infra;

import dev.livescoreboard.infra.devauth.DevAuthServer;
import dev.livescoreboard.infra.servers.FreePorts;
import dev.livescoreboard.infra.servers.ServiceJava;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole system on one machine: PostgreSQL, Redis, Kafka, the dev auth server, then command-api,
 * leaderboard-projector and realtime-gateway as separate JVMs, demo users and (optionally)
 * simulated players. Used by {@link LocalStackMain} and by the system tests.
 */
public final class LocalStack implements AutoCloseable {

  private final StackSettings settings;
  private final Infrastructure infrastructure;
  private final Deque<AutoCloseable> running = new ArrayDeque<>();
  private final Map<String, ServiceProcess> services = new HashMap<>();
  private final Map<String, Launch> launches = new HashMap<>();
  private final int gatewayPort;
  private final int commandApiPort;
  private final int projectorPort;
  private final Map<String, String> commonEnv;
  private final ServiceJava serviceJava = ServiceJava.detect();

  private LocalStack(StackSettings settings) {
    this.settings = settings;
    this.infrastructure = new Infrastructure(settings);
    this.gatewayPort = FreePorts.pick(settings.ports().gateway());
    this.commandApiPort = FreePorts.pick(settings.ports().commandApi());
    this.projectorPort = FreePorts.pick(settings.ports().projector());
    this.commonEnv = commonEnv(settings, infrastructure.endpoints());
  }

  /** Starts everything and waits until every service is healthy. */
  public static LocalStack start(StackSettings settings) {
    LocalStack stack = new LocalStack(settings);
    try {
      stack.startServices();
      DemoUsers.seed(stack.commandApiUrl(), stack.auth());
      if (settings.simulate()) {
        stack.running.push(PlayerSimulator.start(stack.commandApiUrl(), stack.auth()));
      }
      return stack;
    } catch (RuntimeException e) {
      stack.close();
      throw e;
    }
  }

  private void startServices() {
    Map<String, String> command = new HashMap<>(commonEnv);
    command.put("SERVER_PORT", Integer.toString(commandApiPort));
    command.put("SCOREBOARD_ACTION_TOKEN_SECRETS", "local:" + randomSecret());
    command.put("SCOREBOARD_USERS_AUTO_REGISTER", "true");
    ServiceProcess commandApi =
        launch(
            "command-api",
            List.of("-Xms384m", "-Xmx384m"),
            command,
            commandApiUrl() + "/actuator/health");

    Map<String, String> projector = new HashMap<>(commonEnv);
    projector.put("SERVER_PORT", Integer.toString(projectorPort));
    ServiceProcess projectorProcess =
        launch(
            "leaderboard-projector",
            List.of("-Xms256m", "-Xmx256m"),
            projector,
            projectorUrl() + "/actuator/health");

    Map<String, String> gateway = new HashMap<>(commonEnv);
    gateway.put("SCOREBOARD_GATEWAY_PORT", Integer.toString(gatewayPort));
    gateway.put("SCOREBOARD_GATEWAY_BIND", "127.0.0.1");
    gateway.put("SCOREBOARD_GATEWAY_PUBLIC_READ", "true");
    // The live page's "play as" box mints tokens there.
    gateway.put("SCOREBOARD_GATEWAY_DEV_AUTH_URL", auth().issuer());
    gateway.put(
        "SCOREBOARD_GATEWAY_ALLOWED_ORIGINS",
        "http://localhost:" + gatewayPort + ",http://127.0.0.1:" + gatewayPort);
    ServiceProcess gatewayProcess =
        launch(
            "realtime-gateway",
            List.of("-Xmx256m", "-XX:MaxDirectMemorySize=128m"),
            gateway,
            gatewayUrl() + "/health");

    // Started in parallel above; now wait for all three.
    commandApi.awaitHealthy(commandApiUrl() + "/actuator/health");
    projectorProcess.awaitHealthy(projectorUrl() + "/actuator/health");
    gatewayProcess.awaitHealthy(gatewayUrl() + "/health");
  }

  /** How a service was started, so it can be started again the same way. */
  private record Launch(List<String> heap, Map<String, String> env, String healthUrl) {}

  private ServiceProcess launch(
      String module, List<String> heap, Map<String, String> env, String healthUrl) {
    env.putAll(settings.serviceEnv().getOrDefault(module, Map.of()));
    launches.put(module, new Launch(List.copyOf(heap), Map.copyOf(env), healthUrl));
    List<String> jvm = new java.util.ArrayList<>(heap);
    jvm.add("-XX:+ExitOnOutOfMemoryError");
    ServiceProcess process =
        ServiceProcess.start(
            module,
            serviceJava,
            settings.home().resolve(module).resolve("target").resolve(module + ".jar"),
            jvm,
            env,
            settings.dataDir().resolve("logs"));
    running.push(process);
    services.put(module, process);
    return process;
  }

  private static Map<String, String> commonEnv(
      StackSettings settings, Infrastructure.Endpoints endpoints) {
    Map<String, String> env = new HashMap<>();
    env.put("SCOREBOARD_DB_URL", endpoints.jdbcUrl());
    env.put("SCOREBOARD_DB_USER", endpoints.dbUser());
    env.put("SCOREBOARD_DB_PASSWORD", endpoints.dbPassword());
    env.put("SCOREBOARD_KAFKA_BOOTSTRAP", endpoints.kafkaBootstrap());
    env.put("SCOREBOARD_KAFKA_TOPIC", settings.kafkaTopic());
    env.put("SCOREBOARD_KAFKA_GROUP", "scoreboard-projector-" + settings.kafkaTopic());
    env.put("SCOREBOARD_REDIS_URL", endpoints.redisUrl());
    env.put("SCOREBOARD_REDIS_KEY_PREFIX", settings.redisKeyPrefix());
    env.put("SCOREBOARD_JWT_JWKS_URL", endpoints.auth().jwksUrl());
    env.put("SCOREBOARD_JWT_ISSUER", endpoints.auth().issuer());
    env.put("SCOREBOARD_JWT_AUDIENCE", DevAuthServer.AUDIENCE);
    return env;
  }

  private static String randomSecret() {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    return Base64.getEncoder().encodeToString(secret);
  }

  public String gatewayUrl() {
    return "http://127.0.0.1:" + gatewayPort;
  }

  public String commandApiUrl() {
    return "http://127.0.0.1:" + commandApiPort;
  }

  public String projectorUrl() {
    return "http://127.0.0.1:" + projectorPort;
  }

  public DevAuthServer auth() {
    return infrastructure.endpoints().auth();
  }

  public String redisUrl() {
    return infrastructure.endpoints().redisUrl();
  }

  public String kafkaBootstrap() {
    return infrastructure.endpoints().kafkaBootstrap();
  }

  public String jdbcUrl() {
    return infrastructure.endpoints().jdbcUrl();
  }

  public String dbUser() {
    return infrastructure.endpoints().dbUser();
  }

  public String dbPassword() {
    return infrastructure.endpoints().dbPassword();
  }

  public StackSettings settings() {
    return settings;
  }

  /**
   * Operating-system process ids of the embedded servers that run as processes of their own: {@code
   * postgresql} (the postmaster; its workers are its children), {@code redis} and, when hosted in a
   * child JVM, {@code kafka-broker}. External servers are not listed.
   */
  public Map<String, Long> serverPids() {
    return infrastructure.serverPids();
  }

  /** A running service by module name, for tests that stop or kill one. */
  public ServiceProcess service(String module) {
    return services.get(module);
  }

  /**
   * Stops {@code module} gracefully and starts it again on the same port with the same
   * configuration, as a deployment would (fault drills: clients must reconnect by themselves).
   * Returns once it is healthy again.
   */
  public void restart(String module) {
    ServiceProcess old = services.get(module);
    Launch launch = launches.get(module);
    if (old == null || launch == null) {
      throw new IllegalArgumentException("no running service " + module);
    }
    old.close();
    running.remove(old);
    launch(module, launch.heap(), new HashMap<>(launch.env()), launch.healthUrl())
        .awaitHealthy(launch.healthUrl());
  }

  /** Stops simulator and services (newest first), then the servers. */
  @Override
  public void close() {
    while (!running.isEmpty()) {
      try {
        running.pop().close();
      } catch (Exception e) {
        System.err.println("stopping failed: " + e);
      }
    }
    infrastructure.close();
  }
}
