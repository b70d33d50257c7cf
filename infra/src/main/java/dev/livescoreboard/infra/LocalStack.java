package dev.livescoreboard.infra;

import dev.livescoreboard.infra.devauth.DevAuthServer;
import dev.livescoreboard.infra.servers.FreePorts;
import dev.livescoreboard.infra.servers.ServiceJava;
import dev.livescoreboard.infra.servers.TcpBalancer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The whole system on one machine: PostgreSQL, Redis, Kafka, the dev auth server, then command-api,
 * leaderboard-projector and realtime-gateway as separate JVMs, demo users and (optionally)
 * simulated players. Used by {@link LocalStackMain} and by the system tests.
 *
 * <p>With {@code instances} above 1 ({@code --instances=2}) each service runs that many times, as
 * in production: the command-apis behind one address (a {@link TcpBalancer} on the command-api
 * port, the instances on ports of their own) sharing one action-token secret, the projectors in one
 * consumer group over the topic's partitions, the gateways each on its own port (the first on the
 * gateway port).
 */
public final class LocalStack implements AutoCloseable {

  private static final String COMMAND_API = "command-api";
  private static final String PROJECTOR = "leaderboard-projector";
  private static final String GATEWAY = "realtime-gateway";

  /**
   * The gateway's heap and direct-memory limits (every service also exits on an out-of-memory
   * error). Public so the bench can run its bare fan-out server with the same.
   */
  public static final List<String> GATEWAY_JVM_OPTIONS =
      List.of("-Xmx256m", "-XX:MaxDirectMemorySize=128m");

  private final StackSettings settings;
  private final Infrastructure infrastructure;
  private final ServiceFleet services;
  private final Deque<AutoCloseable> running = new ArrayDeque<>();
  private final List<Integer> gatewayPorts;
  private final List<Integer> commandApiPorts;
  private final List<Integer> projectorPorts;

  /** The port clients use for command-api: the balancer's with several instances. */
  private final int commandApiPort;

  private final Map<String, String> commonEnv;

  private LocalStack(StackSettings settings) {
    this.settings = settings;
    this.infrastructure = new Infrastructure(settings);
    this.services =
        new ServiceFleet(settings.home(), ServiceJava.detect(), settings.dataDir().resolve("logs"));
    Set<Integer> taken = new HashSet<>();
    int n = settings.instances();
    StackSettings.Ports ports = settings.ports();
    this.gatewayPorts = pickPorts(ports.gateway(), n, taken);
    this.projectorPorts = pickPorts(ports.projector(), n, taken);
    if (n == 1) {
      this.commandApiPorts = pickPorts(ports.commandApi(), 1, taken);
      this.commandApiPort = commandApiPorts.get(0);
    } else {
      this.commandApiPort = pickPorts(ports.commandApi(), 1, taken).get(0);
      this.commandApiPorts = pickPorts(0, n, taken);
    }
    this.commonEnv = commonEnv(settings, infrastructure.endpoints());
  }

  /** {@code n} distinct free ports, the first {@code first} (0: any). */
  private static List<Integer> pickPorts(int first, int n, Set<Integer> taken) {
    List<Integer> picked = new ArrayList<>();
    while (picked.size() < n) {
      int port = FreePorts.pick(picked.isEmpty() ? first : 0);
      if (taken.add(port)) {
        picked.add(port);
      } else if (picked.isEmpty() && first != 0) {
        throw new IllegalArgumentException("port " + first + " is given to two services");
      }
    }
    return picked;
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
    // One secret for all instances: a token issued by one is completed on another.
    String actionTokenSecrets = "local:" + randomSecret();
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= settings.instances(); i++) {
      Map<String, String> command = new HashMap<>(commonEnv);
      command.put("SERVER_PORT", Integer.toString(commandApiPorts.get(i - 1)));
      command.put("SCOREBOARD_ACTION_TOKEN_SECRETS", actionTokenSecrets);
      command.put("SCOREBOARD_USERS_AUTO_REGISTER", "true");
      if (i == 2) {
        // The first instance creates the schema (Liquibase) on a fresh database; two doing it at
        // once race to create Liquibase's own tables, and one exits.
        services.awaitHealthy(COMMAND_API);
      }
      names.add(
          start(
              COMMAND_API,
              i,
              List.of("-Xms384m", "-Xmx384m"),
              command,
              url(commandApiPorts, i) + "/actuator/health"));

      Map<String, String> projector = new HashMap<>(commonEnv);
      projector.put("SERVER_PORT", Integer.toString(projectorPorts.get(i - 1)));
      names.add(
          start(
              PROJECTOR,
              i,
              List.of("-Xms256m", "-Xmx256m"),
              projector,
              url(projectorPorts, i) + "/actuator/health"));

      int gatewayPort = gatewayPorts.get(i - 1);
      Map<String, String> gateway = new HashMap<>(commonEnv);
      gateway.put("SCOREBOARD_GATEWAY_PORT", Integer.toString(gatewayPort));
      gateway.put("SCOREBOARD_GATEWAY_BIND", "127.0.0.1");
      gateway.put("SCOREBOARD_GATEWAY_PUBLIC_READ", "true");
      // The live page's "play as" box mints tokens there.
      gateway.put("SCOREBOARD_GATEWAY_DEV_AUTH_URL", auth().issuer());
      gateway.put(
          "SCOREBOARD_GATEWAY_ALLOWED_ORIGINS",
          "http://localhost:" + gatewayPort + ",http://127.0.0.1:" + gatewayPort);
      names.add(start(GATEWAY, i, GATEWAY_JVM_OPTIONS, gateway, url(gatewayPorts, i) + "/health"));
    }
    if (settings.instances() > 1) {
      running.push(
          TcpBalancer.start(
              commandApiPort,
              commandApiPorts.stream()
                  .map(port -> new InetSocketAddress(InetAddress.getLoopbackAddress(), port))
                  .toList()));
    }
    // Started in parallel above; now wait for all of them.
    names.forEach(services::awaitHealthy);
  }

  /**
   * Starts instance {@code i} of {@code module} with the extra environment the settings give it.
   */
  private String start(
      String module, int i, List<String> heap, Map<String, String> env, String healthUrl) {
    env.putAll(settings.serviceEnv().getOrDefault(module, Map.of()));
    String name = ServiceFleet.instanceName(module, i);
    services.start(name, module, heap, env, healthUrl);
    return name;
  }

  private static String url(List<Integer> ports, int instance) {
    return "http://127.0.0.1:" + ports.get(instance - 1);
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

  /** The first gateway. */
  public String gatewayUrl() {
    return url(gatewayPorts, 1);
  }

  /** Every gateway, the first first. */
  public List<String> gatewayUrls() {
    return urls(gatewayPorts);
  }

  /** Where clients reach command-api: the balancer in front of the instances, if several. */
  public String commandApiUrl() {
    return "http://127.0.0.1:" + commandApiPort;
  }

  /** Each command-api instance itself, the first first. */
  public List<String> commandApiUrls() {
    return urls(commandApiPorts);
  }

  /** The first projector. */
  public String projectorUrl() {
    return url(projectorPorts, 1);
  }

  /** Every projector, the first first. */
  public List<String> projectorUrls() {
    return urls(projectorPorts);
  }

  private static List<String> urls(List<Integer> ports) {
    return IntStream.rangeClosed(1, ports.size()).mapToObj(i -> url(ports, i)).toList();
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

  /**
   * A running service by instance name, for tests that stop or kill one: the module's name ({@code
   * command-api}, {@code leaderboard-projector}, {@code realtime-gateway}) for the first instance,
   * with {@code -2}, {@code -3} … for the others.
   */
  public ServiceProcess service(String name) {
    return services.get(name);
  }

  /**
   * Stops the service instance {@code name} gracefully (at once if it was killed) and starts it
   * again on the same port with the same configuration, as a deployment would (fault drills:
   * clients must reconnect by themselves). Returns once it is healthy again.
   */
  public void restart(String name) {
    services.restart(name);
  }

  /**
   * Kills the service instance at once (SIGKILL), as a crash would; {@link #restart} revives it.
   */
  public void kill(String name) {
    services.kill(name);
  }

  /**
   * Stops an embedded server ({@code postgresql}, {@code redis}, {@code kafka-broker}, or {@code
   * kafka} when the broker runs in this JVM) and starts it again on the same port with the same
   * data, as an operator restarts one; one that was killed is started again. The services are left
   * running: they must reconnect by themselves.
   */
  public void restartServer(String server) {
    infrastructure.restart(server);
  }

  /** Stops the simulator and the balancer, the services (newest first), then the servers. */
  @Override
  public void close() {
    while (!running.isEmpty()) {
      try {
        running.pop().close();
      } catch (Exception e) {
        System.err.println("stopping failed: " + e);
      }
    }
    services.close();
    infrastructure.close();
  }
}
