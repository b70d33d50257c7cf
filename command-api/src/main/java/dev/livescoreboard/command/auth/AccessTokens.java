package dev.livescoreboard.command.auth;

import dev.livescoreboard.auth.AccessTokenVerifier;
import dev.livescoreboard.auth.KeysUnavailableException;
import dev.livescoreboard.auth.RejectedTokenException;
import dev.livescoreboard.auth.VerifiedAccessToken;
import dev.livescoreboard.command.problem.ApiException;
import dev.livescoreboard.events.ErrorCode;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * command-api's use of the shared {@link AccessTokenVerifier} (shared-auth): a token that passed is
 * remembered in a {@link VerifiedTokenCache} until it expires (at most {@code verified-cache-ttl}),
 * since signature verification was the largest CPU cost of a request, and the verifier's outcomes
 * become problem responses. Thread-safe.
 */
@Component
class AccessTokens implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(AccessTokens.class);
  private static final String INVALID = "the access token is invalid or expired";

  private final AccessTokenVerifier verifier;
  private final VerifiedTokenCache verified;

  AccessTokens(JwtSettings settings, Clock clock) {
    this.verifier = new AccessTokenVerifier(settings.accessTokens());
    this.verified =
        new VerifiedTokenCache(clock, settings.verifiedCacheSize(), settings.verifiedCacheTtl());
  }

  /**
   * What {@code token} says.
   *
   * @throws ApiException {@code UNAUTHORIZED} ({@link RejectedAccessTokenException}) for a bad
   *     token, {@code UNAVAILABLE} when the keys cannot be fetched
   */
  VerifiedAccessToken verify(String token) {
    VerifiedAccessToken known = verified.get(token);
    if (known != null) {
      return known;
    }
    VerifiedAccessToken checked;
    try {
      checked = verifier.verify(token);
    } catch (RejectedTokenException e) {
      throw new RejectedAccessTokenException(INVALID, e.getMessage());
    } catch (KeysUnavailableException e) {
      log.warn("{}", e.getMessage());
      throw new ApiException(ErrorCode.UNAVAILABLE, "the auth keys are unavailable, retry later");
    }
    verified.put(token, checked);
    return checked;
  }

  /** Stops the key cache's refresh-ahead executor. */
  @Override
  public void destroy() {
    verifier.close();
  }
}
