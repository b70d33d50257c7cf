package dev.livescoreboard.gateway.auth;

import dev.livescoreboard.auth.revocation.RevocationList;
import dev.livescoreboard.gateway.metrics.GatewayMetrics;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The shared revocation list as command-api uses it: while the local denylist is in step the answer
 * is local; otherwise Redis is asked, and when Redis cannot answer the token is accepted (fail
 * open), counted in {@code gateway.auth.revocation.unchecked} and warned about once per outage. See
 * the package documentation for why. Blocking; thread-safe.
 */
public final class FailOpenRevocations implements RevocationCheck {

  private static final Logger security = LoggerFactory.getLogger("security");

  private final RevocationList list;
  private final GatewayMetrics metrics;
  private final AtomicBoolean warned = new AtomicBoolean();

  public FailOpenRevocations(RevocationList list, GatewayMetrics metrics) {
    this.list = list;
    this.metrics = metrics;
  }

  @Override
  public boolean isRevoked(String jti) {
    try {
      boolean revoked = list.isRevoked(jti);
      warned.set(false);
      return revoked;
    } catch (JedisException e) {
      metrics.revocationUnchecked();
      if (warned.compareAndSet(false, true)) {
        security.warn(
            "{\"event\":\"revocation_unchecked\",\"reason\":\"Redis unavailable: tokens revoked"
                + " while the gateway's denylist is out of step are accepted until it is back\"}");
      }
      return false;
    }
  }
}
