package dev.livescoreboard.testsupport;

import dev.livescoreboard.infra.servers.EmbeddedKafkaBroker;
import dev.livescoreboard.infra.servers.KafkaBrokerProcess;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * A real single-node KRaft Kafka broker for tests, one per test JVM; callers isolate themselves
 * with {@link #newTopic(String, int)}. Set {@code SCOREBOARD_TEST_KAFKA_BOOTSTRAP} to use an
 * existing cluster instead.
 */
public final class TestKafka {

  private static TestKafka shared;

  private final String bootstrapServers;

  private TestKafka(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
  }

  /** The JVM's Kafka, started on first use. */
  public static synchronized TestKafka shared() {
    if (shared == null) {
      shared = start();
    }
    return shared;
  }

  private static TestKafka start() {
    String external = System.getenv("SCOREBOARD_TEST_KAFKA_BOOTSTRAP");
    if (external != null && !external.isBlank()) {
      return new TestKafka(external);
    }
    Path run = TestDirectories.newRunDirectory("kafka");
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(run, 0, 3);
    TestDirectories.stopAtExit(broker, run);
    return new TestKafka(broker.bootstrapServers());
  }

  /**
   * A broker of the caller's own in a child JVM ({@link KafkaBrokerProcess}), not the shared one,
   * for a test that stops or freezes it (its own process, so {@code SIGSTOP} hangs the broker and
   * nothing else); the caller closes it.
   */
  public static KafkaBrokerProcess startOwnBroker(String name, int partitions) {
    Path dir = TestDirectories.shared(UniqueNames.of(name));
    return KafkaBrokerProcess.start(dir.resolve("data"), 0, partitions, dir.resolve("broker.log"));
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** Creates a topic no other test uses and returns its name ({@code base} plus a suffix). */
  public String newTopic(String base, int partitions) {
    String name = UniqueNames.of(base);
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("could not create topic " + name, e.getCause());
    }
    return name;
  }
}
