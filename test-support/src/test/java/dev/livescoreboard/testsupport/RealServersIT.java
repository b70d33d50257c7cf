package dev.livescoreboard.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

class RealServersIT {

  @Test
  void eachDatabaseIsFreshAndSeparate() throws Exception {
    TestPostgres.Database first = TestPostgres.shared().newDatabase();
    TestPostgres.Database second = TestPostgres.shared().newDatabase();

    try (var c = DriverManager.getConnection(first.jdbcUrl(), first.username(), first.password())) {
      c.createStatement().execute("CREATE TABLE marker (id int)");
    }
    try (var c =
        DriverManager.getConnection(second.jdbcUrl(), second.username(), second.password())) {
      var rs =
          c.createStatement()
              .executeQuery("SELECT count(*) FROM pg_tables WHERE tablename = 'marker'");
      rs.next();
      assertThat(rs.getInt(1)).isZero();
      var version = c.createStatement().executeQuery("SHOW server_version");
      version.next();
      assertThat(version.getString(1)).startsWith("17.");
    }
  }

  @Test
  void redisAnswersAndPrefixesDiffer() {
    TestRedis redis = TestRedis.shared();
    try (RedisClient client = RedisClient.create(URI.create(redis.url()))) {
      String prefix = redis.newKeyPrefix();
      client.set(prefix + "k", "v");
      assertThat(client.get(prefix + "k")).isEqualTo("v");
      assertThat(redis.newKeyPrefix()).isNotEqualTo(prefix);
    }
  }

  @Test
  void kafkaDeliversWhatWasSentToAFreshTopic() {
    TestKafka kafka = TestKafka.shared();
    String topic = kafka.newTopic("smoke", 1);
    try (var producer =
        new KafkaProducer<>(
            Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
            new StringSerializer(),
            new StringSerializer())) {
      producer.send(new ProducerRecord<>(topic, "k", "hello")).get();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, UniqueNames.of("g"));
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (var consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      var values = new java.util.ArrayList<String>();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (values.isEmpty() && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
      }
      assertThat(values).containsExactly("hello");
    }
  }

  @Test
  void devAuthServesItsKeysAndMintsTokens() throws Exception {
    var auth = TestAuth.shared();
    var response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(auth.jwksUrl())).build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"kty\":\"RSA\"");
    assertThat(auth.mint("alice", "Alice", List.of()).split("\\.")).hasSize(3);
  }
}
