package dev.livescoreboard.infra;

import dev.livescoreboard.infra.devauth.DevAuthServer;
import dev.livescoreboard.infra.servers.Databases;
import dev.livescoreboard.infra.servers.EmbeddedKafkaBroker;
import dev.livescoreboard.infra.servers.EmbeddedPostgresServer;
import dev.livescoreboard.infra.servers.EmbeddedRedisServer;
import dev.livescoreboard.infra.servers.FreePorts;
import dev.livescoreboard.infra.servers.KafkaBrokerProcess;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The servers under the services: PostgreSQL, Redis, Kafka (embedded unless named externally) and
 * the dev auth server. Closing stops what this class started, in reverse order. An embedded server
 * can be restarted in place (same port, same data directory), as an operator restarts one.
 */
final class Infrastructure implements AutoCloseable {

  /** Topic partitions: enough for a few projector instances to share the work. */
  private static final int PARTITIONS = 6;

  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private final Map<String, Restartable<?>> servers = new LinkedHashMap<>();
  private final Endpoints endpoints;

  /** Where each server answers. */
  record Endpoints(
      String jdbcUrl,
      String dbUser,
      String dbPassword,
      String redisUrl,
      String kafkaBootstrap,
      DevAuthServer auth) {}

  Infrastructure(StackSettings settings) {
    try {
      String jdbcUrl = postgres(settings);
      StackSettings.External ext = settings.external();
      String redisUrl = ext.redisUrl().orElseGet(() -> redis(settings));
      String kafka = ext.kafkaBootstrap().orElseGet(() -> kafka(settings));
      createTopic(kafka, settings.kafkaTopic());
      DevAuthServer auth = DevAuthServer.start(settings.ports().auth());
      started.push(auth);
      boolean external = ext.postgresUrl().isPresent();
      endpoints =
          new Endpoints(
              jdbcUrl,
              external ? ext.postgresUser() : EmbeddedPostgresServer.USER,
              external ? ext.postgresPassword() : EmbeddedPostgresServer.PASSWORD,
              redisUrl,
              kafka,
              auth);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  Endpoints endpoints() {
    return endpoints;
  }

  /**
   * Process ids of the started servers that run as processes of their own, by server name, as they
   * are now (a restart changes them). A server whose pid is unknown still runs and is left out.
   */
  Map<String, Long> serverPids() {
    Map<String, Long> pids = new LinkedHashMap<>();
    servers.forEach(
        (name, server) -> {
          try {
            server.pid().ifPresent(pid -> pids.put(name, pid));
          } catch (RuntimeException e) {
            System.err.println("no process id for " + name + ": " + e.getMessage());
          }
        });
    return Collections.unmodifiableMap(pids);
  }

  /**
   * Stops the embedded server {@code name} ({@code postgresql}, {@code redis}, {@code
   * kafka-broker}, or {@code kafka} when the broker runs in this JVM) and starts it again on the
   * same port with the same data directory; returns once it accepts clients. A server that was
   * killed meanwhile is simply started again.
   */
  void restart(String name) {
    Restartable<?> server = servers.get(name);
    if (server == null) {
      throw new IllegalArgumentException(
          "no embedded server " + name + "; have " + servers.keySet());
    }
    server.restart();
  }

  /** Starts a server, and keeps how to start it again. */
  private <S extends AutoCloseable> S start(String name, Supplier<S> start, ToLongFunction<S> pid) {
    Restartable<S> server = new Restartable<>(start, pid);
    started.push(server);
    servers.put(name, server);
    return server.current;
  }

  /** A started server with what it takes to start it again in place. */
  private static final class Restartable<S extends AutoCloseable> implements AutoCloseable {
    private final Supplier<S> start;
    private final ToLongFunction<S> pid;
    private S current;

    Restartable(Supplier<S> start, ToLongFunction<S> pid) {
      this.start = start;
      this.pid = pid;
      this.current = start.get();
    }

    /** Empty for a server inside this JVM. */
    Optional<Long> pid() {
      return pid == null ? Optional.empty() : Optional.of(pid.applyAsLong(current));
    }

    void restart() {
      try {
        current.close();
      } catch (Exception e) {
        System.err.println("stopping for a restart failed: " + e);
      }
      current = start.get();
    }

    @Override
    public void close() throws Exception {
      current.close();
    }
  }

  private String postgres(StackSettings settings) {
    StackSettings.External ext = settings.external();
    if (ext.postgresUrl().isPresent()) {
      String url = ext.postgresUrl().get();
      if (settings.database() == null) {
        return url;
      }
      Databases.createIfMissing(
          url, ext.postgresUser(), ext.postgresPassword(), settings.database());
      return Databases.withDatabase(url, settings.database());
    }
    // zonky's defaults trade durability for speed; the local stack keeps scores like production.
    String durable = settings.durable() ? "on" : "off";
    Map<String, String> tuning =
        Map.of("fsync", durable, "synchronous_commit", durable, "full_page_writes", durable);
    int port = FreePorts.pick(settings.ports().postgres());
    EmbeddedPostgresServer pg =
        start(
            "postgresql",
            () ->
                EmbeddedPostgresServer.start(
                    settings.dataDir().resolve("postgres"),
                    settings.dataDir().resolve("postgres-binaries"),
                    port,
                    tuning),
            EmbeddedPostgresServer::pid);
    pg.createDatabaseIfMissing(settings.database());
    return pg.jdbcUrl(settings.database());
  }

  private String redis(StackSettings settings) {
    int port = FreePorts.pick(settings.ports().redis());
    return start(
            "redis",
            () ->
                EmbeddedRedisServer.start(
                    settings.dataDir().resolve("redis"), port, settings.durable()),
            EmbeddedRedisServer::pid)
        .url();
  }

  private String kafka(StackSettings settings) {
    int port = FreePorts.pick(settings.ports().kafka());
    // As EmbeddedKafkaBroker picks it for a fixed port; chosen here so a restart keeps it.
    int controllerPort = FreePorts.pick(settings.ports().kafka() == 0 ? 0 : port + 1);
    Path dir = settings.dataDir().resolve("kafka");
    if (settings.kafkaHosting() == StackSettings.KafkaHosting.CHILD_JVM) {
      Path log = settings.dataDir().resolve("logs").resolve("kafka-broker.log");
      return start(
              "kafka-broker",
              () -> KafkaBrokerProcess.start(dir, port, controllerPort, PARTITIONS, log),
              KafkaBrokerProcess::pid)
          .bootstrapServers();
    }
    return start(
            "kafka", () -> EmbeddedKafkaBroker.start(dir, port, controllerPort, PARTITIONS), null)
        .bootstrapServers();
  }

  private static void createTopic(String bootstrap, String topic) {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      admin.createTopics(java.util.List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get();
    } catch (java.util.concurrent.ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("could not create topic " + topic, e.getCause());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        System.err.println("stopping a server failed: " + e);
      }
    }
  }
}
