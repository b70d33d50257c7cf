package dev.livescoreboard.infra;

import dev.livescoreboard.events.Topics;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What the local stack starts and where. Defaults give the documented ports; every external server
 * can be named through the environment instead of starting an embedded one.
 *
 * @param home the repository root, where the service jars are built ({@code <module>/target})
 * @param dataDir the one folder holding all data (PostgreSQL, Redis, Kafka, service logs)
 * @param ports the ports to listen on (0 picks a free one)
 * @param durable whether data must survive a restart; tests turn it off for speed
 * @param simulate whether simulated players complete actions so the board moves
 * @param database the PostgreSQL database to create (if missing) and use; with an external server
 *     whose URL already names the database to use, {@code null}
 * @param kafkaTopic the score-events topic
 * @param redisKeyPrefix prefix of every Redis key, so several stacks can share one Redis
 * @param external servers to use instead of embedded ones
 * @param serviceEnv extra environment per service module (e.g. {@code command-api}), applied over
 *     what the stack sets; for tools such as the benchmark that must tune a service
 * @param kafkaHosting where an embedded Kafka broker runs (ignored with an external one)
 * @param instances how many of each service run: command-apis behind one balancer address,
 *     projectors in one consumer group, gateways each on its own port
 */
public record StackSettings(
    Path home,
    Path dataDir,
    Ports ports,
    boolean durable,
    boolean simulate,
    String database,
    String kafkaTopic,
    String redisKeyPrefix,
    External external,
    Map<String, Map<String, String>> serviceEnv,
    KafkaHosting kafkaHosting,
    int instances) {

  /**
   * Where the embedded Kafka broker runs. {@link #IN_PROCESS} keeps it in the launching JVM, which
   * stops it last and cleanly on Ctrl-C; {@link #CHILD_JVM} gives it its own JVM so its CPU and
   * memory can be measured apart from the launcher's (the benchmark does this).
   */
  public enum KafkaHosting {
    IN_PROCESS,
    CHILD_JVM
  }

  public StackSettings {
    serviceEnv = Map.copyOf(serviceEnv);
    kafkaHosting = kafkaHosting == null ? KafkaHosting.IN_PROCESS : kafkaHosting;
    if (instances < 1) {
      throw new IllegalArgumentException("instances must be at least 1, got " + instances);
    }
  }

  /** One instance of each service. */
  public StackSettings(
      Path home,
      Path dataDir,
      Ports ports,
      boolean durable,
      boolean simulate,
      String database,
      String kafkaTopic,
      String redisKeyPrefix,
      External external,
      Map<String, Map<String, String>> serviceEnv,
      KafkaHosting kafkaHosting) {
    this(
        home,
        dataDir,
        ports,
        durable,
        simulate,
        database,
        kafkaTopic,
        redisKeyPrefix,
        external,
        serviceEnv,
        kafkaHosting,
        1);
  }

  /** These settings with {@code instances} of each service. */
  public StackSettings withInstances(int instances) {
    return new StackSettings(
        home,
        dataDir,
        ports,
        durable,
        simulate,
        database,
        kafkaTopic,
        redisKeyPrefix,
        external,
        serviceEnv,
        kafkaHosting,
        instances);
  }

  /**
   * These settings plus {@code env} for the service {@code module} (merged over earlier extras).
   */
  public StackSettings withServiceEnv(String module, Map<String, String> env) {
    Map<String, Map<String, String>> all = new java.util.HashMap<>(serviceEnv);
    Map<String, String> merged = new java.util.HashMap<>(all.getOrDefault(module, Map.of()));
    merged.putAll(env);
    all.put(module, Map.copyOf(merged));
    return new StackSettings(
        home,
        dataDir,
        ports,
        durable,
        simulate,
        database,
        kafkaTopic,
        redisKeyPrefix,
        external,
        all,
        kafkaHosting,
        instances);
  }

  /** Listening ports. The embedded servers avoid the standard ports of installed ones. */
  public record Ports(
      int gateway, int commandApi, int projector, int auth, int postgres, int redis, int kafka) {

    public static final Ports DEFAULTS = new Ports(8080, 8081, 8082, 8090, 54329, 63790, 19092);
    public static final Ports ANY_FREE = new Ports(0, 0, 0, 0, 0, 0, 0);
  }

  /** Existing servers to use; empty means start an embedded one. */
  public record External(
      Optional<String> postgresUrl,
      String postgresUser,
      String postgresPassword,
      Optional<String> redisUrl,
      Optional<String> kafkaBootstrap) {

    static External from(Map<String, String> env) {
      return new External(
          nonBlank(env.get("SCOREBOARD_POSTGRES_URL")),
          env.getOrDefault("SCOREBOARD_POSTGRES_USER", "postgres"),
          env.getOrDefault("SCOREBOARD_POSTGRES_PASSWORD", "postgres"),
          nonBlank(env.get("SCOREBOARD_REDIS_URL")),
          nonBlank(env.get("SCOREBOARD_KAFKA_BOOTSTRAP")));
    }

    public static External none() {
      return new External(Optional.empty(), "", "", Optional.empty(), Optional.empty());
    }
  }

  /** The settings of {@code java -jar infra-local-stack.jar [--no-simulator] [--instances=N]}. */
  public static StackSettings fromEnvironment(Map<String, String> env, String[] args) {
    boolean simulate =
        !java.util.Arrays.asList(args).contains("--no-simulator")
            && !"false".equalsIgnoreCase(env.get("SCOREBOARD_SIMULATOR"));
    int instances = 1;
    for (String arg : args) {
      if (arg.startsWith("--instances=")) {
        instances = instancesOf(arg.substring("--instances=".length()));
      }
    }
    Path home = Path.of(env.getOrDefault("SCOREBOARD_HOME", ".")).toAbsolutePath().normalize();
    Path data =
        Path.of(
            env.getOrDefault("SCOREBOARD_DATA_DIR", home.resolve(".scoreboard-data").toString()));
    return new StackSettings(
        home,
        data.toAbsolutePath().normalize(),
        Ports.DEFAULTS,
        true,
        simulate,
        env.containsKey("SCOREBOARD_POSTGRES_URL") ? null : "scoreboard",
        env.getOrDefault("SCOREBOARD_KAFKA_TOPIC", Topics.SCORE_EVENTS),
        env.getOrDefault("SCOREBOARD_REDIS_KEY_PREFIX", ""),
        External.from(env),
        Map.of(),
        KafkaHosting.IN_PROCESS,
        instances);
  }

  private static int instancesOf(String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--instances takes a number, got " + value, e);
    }
  }

  /**
   * Settings for a throwaway stack in a test: free ports, no durability, no simulator, a fresh
   * topic and key prefix, and the external servers the test environment names (if any).
   */
  public static StackSettings forTests(Path home, Path dataDir, String uniqueSuffix) {
    Map<String, String> env = System.getenv();
    External external =
        new External(
            nonBlank(env.get("SCOREBOARD_TEST_POSTGRES_URL")),
            env.getOrDefault("SCOREBOARD_TEST_POSTGRES_USER", "postgres"),
            env.getOrDefault("SCOREBOARD_TEST_POSTGRES_PASSWORD", "postgres"),
            nonBlank(env.get("SCOREBOARD_TEST_REDIS_URL")),
            nonBlank(env.get("SCOREBOARD_TEST_KAFKA_BOOTSTRAP")));
    return new StackSettings(
        home,
        dataDir,
        Ports.ANY_FREE,
        false,
        false,
        "scoreboard_" + uniqueSuffix,
        Topics.SCORE_EVENTS + "." + uniqueSuffix,
        "t" + uniqueSuffix + ":",
        external,
        Map.of(),
        KafkaHosting.IN_PROCESS);
  }

  private static Optional<String> nonBlank(String value) {
    return Optional.ofNullable(value).filter(v -> !v.isBlank());
  }
}
