package dev.livescoreboard.gateway.auth;

import dev.livescoreboard.auth.revocation.RevocationList;
import dev.livescoreboard.gateway.metrics.GatewayMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The shared revocation list as command-api uses it: while the local denylist is in step the answer
 * is local; otherwise Redis is asked, and when Redis cannot answer the token is accepted (fail
 * open), counted in {@code gateway.auth.revocation.unchecked} and warned about once per outage.
 * After a failure Redis is not asked again for {@link #RETRY_INTERVAL}: a hung Redis would
 * otherwise hold a blocking thread for a whole command timeout per connecting client. See the
 * package documentation for why it fails open. Blocking; thread-safe.
 */
public final class FailOpenRevocations implements RevocationCheck {

  /** Long enough that a reconnect storm during an outage costs Redis one probe a second. */
  static final Duration RETRY_INTERVAL = Duration.ofSeconds(1);

  private static final Logger security = LoggerFactory.getLogger("security");

  private final RevocationList list;
  private final GatewayMetrics metrics;
  private final Clock clock;
  private final AtomicBoolean warned = new AtomicBoolean();
  private volatile Instant nextTry = Instant.MIN;

  public FailOpenRevocations(RevocationList list, GatewayMetrics metrics, Clock clock) {
    this.list = list;
    this.metrics = metrics;
    this.clock = clock;
  }

  @Override
  public boolean isRevoked(String jti) {
    Optional<Boolean> local = list.localAnswer(jti);
    if (local.isPresent()) {
      return local.get();
    }
    if (clock.instant().isBefore(nextTry)) {
      return unchecked();
    }
    try {
      boolean revoked = list.isRevokedInRedis(jti);
      warned.set(false);
      return revoked;
    } catch (JedisException e) {
      nextTry = clock.instant().plus(RETRY_INTERVAL);
      return unchecked();
    }
  }

  private boolean unchecked() {
    metrics.revocationUnchecked();
    if (warned.compareAndSet(false, true)) {
      security.warn(
          "{\"event\":\"revocation_unchecked\",\"reason\":\"Redis unavailable: tokens revoked"
              + " while the gateway's denylist is out of step are accepted until it is back\"}");
    }
    return false;
  }
}
