package dev.livescoreboard.projector.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * {@code kafka} component of {@code /actuator/health}: UP while the broker the listener consumes
 * from describes its cluster, DOWN when it does not answer within {@code
 * scoreboard.kafka.health-timeout} (1 s), so a health request never waits longer for Kafka. One
 * admin client is kept for the checks; it connects only while a check runs. Not part of the
 * readiness group: with the broker down the projector has nothing to do, but restarting or
 * unreadying it fixes nothing.
 */
@Component("kafka")
class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

  private final Admin admin;
  private final int timeoutMillis;

  @Autowired
  KafkaHealthIndicator(KafkaProperties properties, KafkaSettings settings) {
    this(properties.buildAdminProperties(), settings.healthTimeout());
  }

  KafkaHealthIndicator(Map<String, Object> adminProperties, Duration timeout) {
    super("Kafka health check failed");
    this.timeoutMillis = Math.toIntExact(timeout.toMillis());
    Map<String, Object> config = new HashMap<>(adminProperties);
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMillis);
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMillis);
    this.admin = Admin.create(config);
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) throws Exception {
    DescribeClusterResult cluster =
        admin.describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMillis));
    // One request answers both futures; the second get() does not wait again.
    String clusterId = cluster.clusterId().get(timeoutMillis, TimeUnit.MILLISECONDS);
    int brokers = cluster.nodes().get(timeoutMillis, TimeUnit.MILLISECONDS).size();
    builder.up().withDetail("clusterId", clusterId).withDetail("brokers", brokers);
  }

  @Override
  public void destroy() {
    admin.close(Duration.ZERO);
  }
}
