package dev.livescoreboard.gateway.auth;

import dev.livescoreboard.auth.AccessTokenVerifier;
import dev.livescoreboard.auth.KeysUnavailableException;
import dev.livescoreboard.auth.RejectedTokenException;
import dev.livescoreboard.auth.VerifiedAccessToken;

/**
 * Who a bearer token names, by the verification every service shares (shared-auth) and the shared
 * revocation list. Blocking (JWKS fetches, Redis): call on the blocking executor. Thread-safe.
 */
public final class TokenAuthenticator {

  private final AccessTokenVerifier verifier;
  private final RevocationCheck revocations;

  public TokenAuthenticator(AccessTokenVerifier verifier, RevocationCheck revocations) {
    this.verifier = verifier;
    this.revocations = revocations;
  }

  /**
   * The principal of a valid, unrevoked token.
   *
   * @throws InvalidTokenException if the token is not acceptable or revoked (401)
   * @throws IllegalStateException if the key set cannot be fetched (503)
   */
  public Principal authenticate(String token) throws InvalidTokenException {
    VerifiedAccessToken verified;
    try {
      verified = verifier.verify(token);
    } catch (RejectedTokenException e) {
      throw new InvalidTokenException(e.getMessage(), e);
    } catch (KeysUnavailableException e) {
      throw new IllegalStateException("token keys unavailable: " + e.getMessage(), e);
    }
    if (revocations.isRevoked(verified.tokenId())) {
      throw InvalidTokenException.revokedToken();
    }
    return new Principal(
        verified.userId(), verified.name(), verified.expiresAt(), verified.tokenId());
  }
}
