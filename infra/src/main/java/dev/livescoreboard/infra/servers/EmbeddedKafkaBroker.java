package dev.livescoreboard.infra.servers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A single-node KRaft Kafka broker (combined broker and controller) run from Kafka's own server
 * classes. The log directory is formatted on first start and kept afterwards, so topics, offsets
 * and consumer-group positions survive a restart.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

  private static final int NODE_ID = 1;

  private final KafkaRaftServer server;
  private final int port;

  private EmbeddedKafkaBroker(KafkaRaftServer server, int port) {
    this.server = server;
    this.port = port;
  }

  /**
   * Starts the broker.
   *
   * @param logDir the broker's log and metadata directory
   * @param port the client port, or 0 for any free port; a fixed port also fixes the controller
   *     port to {@code port + 1}, so a restarted broker finds its quorum where it left it
   * @param partitions default partition count of auto-created topics
   */
  public static EmbeddedKafkaBroker start(Path logDir, int port, int partitions) {
    return start(logDir, port, port == 0 ? 0 : port + 1, partitions);
  }

  /**
   * Starts the broker with its controller on {@code controllerPort} (0: any free port). A broker
   * restarted in place is given both ports it had, so clients and its quorum find it where they
   * left it.
   */
  public static EmbeddedKafkaBroker start(
      Path logDir, int port, int controllerPort, int partitions) {
    int clientPort = FreePorts.pick(port);
    int quorumPort = FreePorts.pick(controllerPort);
    Properties props = new Properties();
    props.put("process.roles", "broker,controller");
    props.put("node.id", Integer.toString(NODE_ID));
    props.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + quorumPort);
    props.put(
        "listeners",
        "PLAINTEXT://127.0.0.1:" + clientPort + ",CONTROLLER://127.0.0.1:" + quorumPort);
    props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + clientPort);
    props.put("controller.listener.names", "CONTROLLER");
    props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    props.put("inter.broker.listener.name", "PLAINTEXT");
    props.put("log.dirs", logDir.toAbsolutePath().toString());
    props.put("num.partitions", Integer.toString(partitions));
    // A single node can hold one replica of everything.
    props.put("offsets.topic.replication.factor", "1");
    props.put("offsets.topic.num.partitions", "5");
    props.put("transaction.state.log.replication.factor", "1");
    props.put("transaction.state.log.min.isr", "1");
    props.put("share.coordinator.state.topic.replication.factor", "1");
    props.put("share.coordinator.state.topic.min.isr", "1");
    props.put("group.initial.rebalance.delay.ms", "0");
    props.put("auto.create.topics.enable", "true");
    try {
      Files.createDirectories(logDir);
      if (!Files.exists(logDir.resolve("meta.properties"))) {
        format(logDir);
      }
    } catch (Exception e) {
      throw new IllegalStateException("could not format Kafka log directory " + logDir, e);
    }
    KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
    server.startup();
    return new EmbeddedKafkaBroker(server, clientPort);
  }

  private static void format(Path logDir) throws Exception {
    String dir = logDir.toAbsolutePath().toString();
    new Formatter()
        .setClusterId(Uuid.randomUuid().toString())
        .setNodeId(NODE_ID)
        .setControllerListenerName("CONTROLLER")
        .setMetadataLogDirectory(dir)
        .setDirectories(java.util.List.of(dir))
        .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
        .setPrintStream(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))
        .run();
  }

  public int port() {
    return port;
  }

  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  @Override
  public void close() {
    server.shutdown();
    server.awaitShutdown();
  }
}
