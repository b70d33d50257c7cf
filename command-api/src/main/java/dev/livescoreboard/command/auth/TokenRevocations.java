package dev.livescoreboard.command.auth;

import dev.livescoreboard.auth.revocation.LocalDenylist;
import dev.livescoreboard.auth.revocation.RevocationList;
import dev.livescoreboard.auth.revocation.RevocationStore;
import dev.livescoreboard.command.problem.ApiException;
import dev.livescoreboard.command.redis.RedisAvailability;
import dev.livescoreboard.events.ErrorCode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The denylist of revoked access tokens ({@code jti}), shared by all instances of every service
 * through Redis and mirrored in each instance's local denylist by its revocation feed
 * (shared-auth's {@code revocation} package). While the feed is in step a check is a local lookup;
 * otherwise it asks Redis, and while Redis is unreachable too it fails open for tokens revoked
 * through other instances (see the package documentation), counting each unchecked token in {@code
 * scoreboard.auth.revocation.unchecked}. A revocation made here holds here at once, whatever Redis
 * does. Thread-safe.
 */
@Component
class TokenRevocations {

  private static final Logger security = LoggerFactory.getLogger("security");

  private final RevocationStore store;
  private final RevocationList list;
  private final RedisAvailability availability;
  private final LocalDenylist denylist;
  private final Clock clock;
  private final Counter unchecked;
  private final AtomicBoolean warned = new AtomicBoolean();

  TokenRevocations(
      RevocationStore store,
      RevocationList list,
      RedisAvailability availability,
      LocalDenylist denylist,
      Clock clock,
      MeterRegistry meters) {
    this.store = store;
    this.list = list;
    this.availability = availability;
    this.denylist = denylist;
    this.clock = clock;
    this.unchecked =
        Counter.builder("scoreboard.auth.revocation.unchecked")
            .description("Access tokens accepted without a revocation check (Redis unavailable)")
            .register(meters);
  }

  /**
   * Revokes {@code jti} until {@code until}; always locally, and in Redis for every instance.
   *
   * @throws ApiException {@code UNAVAILABLE} when Redis could not be written: the token is then
   *     refused by this instance only, and the caller should retry
   */
  void revoke(String jti, Instant until) {
    Instant now = clock.instant();
    if (!until.isAfter(now)) {
      return;
    }
    denylist.add(jti, until);
    try {
      store.revoke(jti, until, now);
      availability.succeeded();
    } catch (JedisException e) {
      availability.failed("token revocation", e);
      throw new ApiException(
          ErrorCode.UNAVAILABLE,
          "the token is revoked on this instance only: the shared denylist is unavailable, retry");
    }
  }

  /** Whether {@code jti} is revoked; {@code false} for a token without {@code jti}. */
  boolean isRevoked(String jti) {
    Optional<Boolean> local = list.localAnswer(jti);
    if (local.isPresent()) {
      return local.get();
    }
    if (availability.shouldTry()) {
      try {
        boolean revoked = list.isRevokedInRedis(jti);
        availability.succeeded();
        warned.set(false);
        return revoked;
      } catch (JedisException e) {
        availability.failed("token revocation check", e);
      }
    }
    unchecked.increment();
    if (warned.compareAndSet(false, true)) {
      security.warn(
          "{\"event\":\"revocation_unchecked\",\"reason\":\"Redis unavailable: tokens revoked"
              + " through other instances are accepted until it is back\"}");
    }
    return false;
  }
}
