package dev.livescoreboard.auth.revocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.livescoreboard.infra.servers.EmbeddedRedisServer;
import dev.livescoreboard.testsupport.TestRedis;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/** Revocations written through the store reach every feed, live or loaded, against real Redis. */
class RevocationFeedIT {

  private final TestRedis server = TestRedis.shared();
  private final RedisClient redis = RedisClient.create(URI.create(server.url()));
  private final RevocationKeys keys = new RevocationKeys(server.newKeyPrefix());
  private final RevocationStore store = new RevocationStore(redis, keys);
  private final Clock clock = Clock.systemUTC();

  @AfterEach
  void close() {
    redis.close();
  }

  private void revoke(String jti) {
    Instant now = clock.instant();
    store.revoke(jti, now.plus(Duration.ofMinutes(10)), now);
  }

  @Test
  void aPublishedRevocationReachesTheDenylistAndTheListener() {
    LocalDenylist denylist = new LocalDenylist(clock);
    List<String> told = new CopyOnWriteArrayList<>();
    try (RevocationFeed feed = new RevocationFeed(redis, keys, denylist, clock, told::add)) {
      feed.start();
      await().until(feed::inStep);

      revoke("live-jti");

      await().until(() -> told.contains("live-jti"));
      assertThat(denylist.contains("live-jti")).isTrue();
      RevocationList list = new RevocationList(denylist, feed, store);
      assertThat(list.isRevoked("live-jti")).isTrue();
      assertThat(list.localAnswer("other")).contains(false);
    }
  }

  @Test
  void aFeedThatStartsLaterLoadsTheRevocationsAlreadyInRedis() {
    revoke("old-jti");
    LocalDenylist fresh = new LocalDenylist(clock);
    List<String> told = new CopyOnWriteArrayList<>();
    RevocationFeed late = new RevocationFeed(redis, keys, fresh, clock, told::add);

    late.start();
    try {
      await().until(late::inStep);
      assertThat(fresh.contains("old-jti")).isTrue();
      assertThat(told).containsExactly("old-jti");
      assertThat(fresh.contains("never-revoked")).isFalse();
    } finally {
      late.close();
    }
    assertThat(late.inStep()).isFalse();
  }

  @Test
  void aFeedClosesQuietlyAfterItsRedisIsGone() {
    EmbeddedRedisServer own =
        EmbeddedRedisServer.start(
            Path.of(System.getProperty("java.io.tmpdir"), "feed-redis-" + UUID.randomUUID()),
            0,
            false);
    RedisClient ownClient = RedisClient.create(URI.create(own.url()));
    RevocationFeed feed = new RevocationFeed(ownClient, keys, new LocalDenylist(clock), clock);
    try {
      feed.start();
      await().until(feed::inStep);
      own.close();
      await().until(() -> !feed.inStep());

      feed.close();

      assertThat(feed.isRunning()).isFalse();
    } finally {
      ownClient.close();
    }
  }

  @Test
  void outOfStepTheListAsksRedis() {
    revoke("asked-jti");
    LocalDenylist empty = new LocalDenylist(clock);
    RevocationFeed stopped = new RevocationFeed(redis, keys, empty, clock);
    RevocationList list = new RevocationList(empty, stopped, store);

    assertThat(list.localAnswer("asked-jti")).isEmpty();
    assertThat(list.isRevoked("asked-jti")).isTrue();
    assertThat(list.isRevoked("not-revoked")).isFalse();
  }
}
