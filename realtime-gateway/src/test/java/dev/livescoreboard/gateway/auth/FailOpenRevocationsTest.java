package dev.livescoreboard.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livescoreboard.auth.revocation.LocalDenylist;
import dev.livescoreboard.auth.revocation.RevocationFeed;
import dev.livescoreboard.auth.revocation.RevocationKeys;
import dev.livescoreboard.auth.revocation.RevocationList;
import dev.livescoreboard.auth.revocation.RevocationStore;
import dev.livescoreboard.gateway.metrics.GatewayMetrics;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/** With the feed out of step and Redis unreachable (nothing listens on port 1). */
class FailOpenRevocationsTest {

  private final RedisClient unreachable = RedisClient.create(URI.create("redis://127.0.0.1:1"));
  private final RevocationKeys keys = new RevocationKeys("t:");
  private final LocalDenylist denylist = new LocalDenylist(Clock.systemUTC());
  private final GatewayMetrics metrics = new GatewayMetrics();
  private final FailOpenRevocations revocations =
      new FailOpenRevocations(
          new RevocationList(
              denylist,
              new RevocationFeed(unreachable, keys, denylist, Clock.systemUTC()),
              new RevocationStore(unreachable, keys)),
          metrics,
          Clock.systemUTC());

  @AfterEach
  void close() {
    unreachable.close();
    metrics.close();
  }

  @Test
  void aTokenIsAcceptedAndCountedWhenOnlyRedisCouldTell() {
    assertThat(revocations.isRevoked("unknown-1")).isFalse();
    assertThat(revocations.isRevoked("unknown-2")).isFalse();

    assertThat(metrics.scrape()).contains("gateway_auth_revocation_unchecked_total 2.0");
  }

  @Test
  void aRevocationThisGatewayAlreadyKnowsHoldsWithoutRedis() {
    denylist.add("known", Instant.now().plusSeconds(60));

    assertThat(revocations.isRevoked("known")).isTrue();
    assertThat(revocations.isRevoked(null)).isFalse();
  }
}
