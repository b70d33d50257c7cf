package dev.livescoreboard.command.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.livescoreboard.auth.VerifiedAccessToken;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Access tokens whose signature and claims were already verified, so that a player's next request
 * with the same token (a start and its complete carry one token) costs a map lookup instead of an
 * RSA or ECDSA verification. An entry lives until the token expires, but at most {@code ttl}: that
 * bounds how long a key withdrawn from the JWKS still admits tokens it signed. Revocation is not
 * cached; it is checked on every request. Thread-safe.
 */
final class VerifiedTokenCache {

  private final Clock clock;
  private final Cache<String, VerifiedAccessToken> verified;

  /**
   * @param maxSize at most this many tokens (Caffeine picks which to evict); 0 disables the cache
   * @param ttl the longest time an entry is trusted
   */
  VerifiedTokenCache(Clock clock, long maxSize, Duration ttl) {
    this.clock = clock;
    this.verified =
        maxSize == 0
            ? null
            : Caffeine.newBuilder()
                .maximumSize(maxSize)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                // Evict on the calling thread: a few microseconds, no pool hand-off per request.
                .executor(Runnable::run)
                .expireAfter(
                    Expiry.creating(
                        (String token, VerifiedAccessToken value) -> lifetime(value, ttl)))
                .build();
  }

  /** The verified token, or {@code null} when it is not cached or has expired since. */
  VerifiedAccessToken get(String token) {
    VerifiedAccessToken hit = verified == null ? null : verified.getIfPresent(token);
    // The clock decides, not only the cache's own ticker: expiry is a security check.
    return hit != null && hit.expiresAt().isAfter(clock.instant()) ? hit : null;
  }

  void put(String token, VerifiedAccessToken value) {
    if (verified != null) {
      verified.put(token, value);
    }
  }

  private Duration lifetime(VerifiedAccessToken value, Duration ttl) {
    Duration untilExpiry = Duration.between(clock.instant(), value.expiresAt());
    Duration lifetime = untilExpiry.compareTo(ttl) < 0 ? untilExpiry : ttl;
    return lifetime.isNegative() ? Duration.ZERO : lifetime;
  }
}
