package dev.livescoreboard.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.livescoreboard.infra.LocalStack;
import dev.livescoreboard.infra.audit.AuditCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The operator's consistency audit (infra's {@code audit} command, the projector's {@code POST
 * /api/v1/admin/audit}) run against a stack once its tests are done: whatever they did, Redis must
 * equal PostgreSQL must equal the event log. It first waits until everything committed is published
 * and applied, so only real drift can fail it, never a change still in flight.
 */
public final class StackAudit {

  private static final Duration SETTLE = Duration.ofSeconds(30);

  private StackAudit() {}

  /** Waits for the stack to settle, runs the audit and fails with its report on drift. */
  public static void assertConsistent(LocalStack stack) {
    awaitOutboxPublished(stack);
    awaitProjectorCaughtUp(stack);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String admin = stack.auth().mint("system-audit", "Audit", List.of("scoreboard:admin"));

    int exit =
        AuditCommand.run(
            List.of("--projector=" + stack.projectorUrl()),
            Map.of("SCOREBOARD_ADMIN_TOKEN", admin),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(exit)
        .as(
            "the consistency audit after the system tests:%n%s%s",
            out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8))
        .isEqualTo(AuditCommand.OK);
  }

  private static void awaitOutboxPublished(LocalStack stack) {
    await("outbox published")
        .atMost(SETTLE)
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              try (var connection =
                      DriverManager.getConnection(
                          stack.jdbcUrl(), stack.dbUser(), stack.dbPassword());
                  var rs =
                      connection
                          .createStatement()
                          .executeQuery("SELECT count(*) FROM outbox WHERE published_at IS NULL")) {
                rs.next();
                return rs.getLong(1) == 0;
              }
            });
  }

  /** The projector's committed offsets reach the end of every partition: it applied everything. */
  private static void awaitProjectorCaughtUp(LocalStack stack) {
    String group = "scoreboard-projector-" + stack.settings().kafkaTopic();
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap()))) {
      await("projector caught up")
          .atMost(SETTLE)
          .pollInterval(Duration.ofMillis(200))
          .until(
              () -> {
                Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
                var ends = admin.listOffsets(latest).all().get();
                return !committed.isEmpty()
                    && committed.entrySet().stream()
                        .allMatch(e -> e.getValue().offset() >= ends.get(e.getKey()).offset());
              });
    }
  }
}
