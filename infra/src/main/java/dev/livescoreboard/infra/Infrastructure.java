package dev.livescoreboard.infra;

import dev.livescoreboard.infra.devauth.DevAuthServer;
import dev.livescoreboard.infra.servers.Databases;
import dev.livescoreboard.infra.servers.EmbeddedKafkaBroker;
import dev.livescoreboard.infra.servers.EmbeddedPostgresServer;
import dev.livescoreboard.infra.servers.EmbeddedRedisServer;
import dev.livescoreboard.infra.servers.KafkaBrokerProcess;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The servers under the services: PostgreSQL, Redis, Kafka (embedded unless named externally) and
 * the dev auth server. Closing stops what this class started, in reverse order.
 */
final class Infrastructure implements AutoCloseable {

  /** Topic partitions: enough for a few projector instances to share the work. */
  private static final int PARTITIONS = 6;

  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private final Map<String, Long> serverPids = new LinkedHashMap<>();
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

  /** Process ids of the started servers that run as processes of their own, by server name. */
  Map<String, Long> serverPids() {
    return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(serverPids));
  }

  /** Notes a server's pid for measurements; a server whose pid is unknown still runs. */
  private void recordPid(String server, java.util.function.LongSupplier pid) {
    try {
      serverPids.put(server, pid.getAsLong());
    } catch (RuntimeException e) {
      System.err.println("no process id for " + server + ": " + e.getMessage());
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
    EmbeddedPostgresServer pg =
        EmbeddedPostgresServer.start(
            settings.dataDir().resolve("postgres"),
            settings.dataDir().resolve("postgres-binaries"),
            settings.ports().postgres(),
            tuning);
    started.push(pg);
    recordPid("postgresql", pg::pid);
    pg.createDatabaseIfMissing(settings.database());
    return pg.jdbcUrl(settings.database());
  }

  private String redis(StackSettings settings) {
    EmbeddedRedisServer redis =
        EmbeddedRedisServer.start(
            settings.dataDir().resolve("redis"), settings.ports().redis(), settings.durable());
    started.push(redis);
    recordPid("redis", redis::pid);
    return redis.url();
  }

  private String kafka(StackSettings settings) {
    if (settings.kafkaHosting() == StackSettings.KafkaHosting.CHILD_JVM) {
      KafkaBrokerProcess broker =
          KafkaBrokerProcess.start(
              settings.dataDir().resolve("kafka"),
              settings.ports().kafka(),
              PARTITIONS,
              settings.dataDir().resolve("logs").resolve("kafka-broker.log"));
      started.push(broker);
      recordPid("kafka-broker", broker::pid);
      return broker.bootstrapServers();
    }
    EmbeddedKafkaBroker kafka =
        EmbeddedKafkaBroker.start(
            settings.dataDir().resolve("kafka"), settings.ports().kafka(), PARTITIONS);
    started.push(kafka);
    return kafka.bootstrapServers();
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
