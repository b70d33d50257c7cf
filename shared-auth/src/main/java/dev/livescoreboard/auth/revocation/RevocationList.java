package dev.livescoreboard.auth.revocation;

import java.util.Optional;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Whether a token is revoked: the local denylist first; while the feed is in step that is the whole
 * answer (no Redis call), otherwise Redis is asked. What to do when Redis cannot answer is each
 * service's decision (see their package documentation). Thread-safe.
 */
public final class RevocationList {

  private static final Optional<Boolean> REVOKED = Optional.of(true);
  private static final Optional<Boolean> NOT_REVOKED = Optional.of(false);

  private final LocalDenylist denylist;
  private final RevocationFeed feed;
  private final RevocationStore store;

  public RevocationList(LocalDenylist denylist, RevocationFeed feed, RevocationStore store) {
    this.denylist = denylist;
    this.feed = feed;
    this.store = store;
  }

  /**
   * Whether {@code jti} is revoked; {@code false} for a token without {@code jti}. May block on
   * Redis while the feed is out of step.
   *
   * @throws JedisException when the answer needs Redis and Redis cannot give it
   */
  public boolean isRevoked(String jti) {
    return localAnswer(jti).orElseGet(() -> store.isRevoked(jti));
  }

  /**
   * The answer this instance knows without Redis (never blocks): revoked when the local denylist
   * has {@code jti}, not revoked when it lacks it while the feed is in step or when there is no
   * {@code jti}; empty when only Redis can tell.
   */
  public Optional<Boolean> localAnswer(String jti) {
    if (jti == null) {
      return NOT_REVOKED;
    }
    if (denylist.contains(jti)) {
      return REVOKED;
    }
    return feed.inStep() ? NOT_REVOKED : Optional.empty();
  }

  /** Asks Redis only; for a caller that decided {@link #localAnswer} is not enough. */
  public boolean isRevokedInRedis(String jti) {
    return store.isRevoked(jti);
  }
}
