package dev.livescoreboard.command.auth;

import dev.livescoreboard.auth.VerifiedAccessToken;
import dev.livescoreboard.command.problem.ApiException;
import dev.livescoreboard.command.security.SecurityEvent;
import dev.livescoreboard.command.security.SecurityEvents;
import dev.livescoreboard.events.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Requires a valid, unrevoked {@code Authorization: Bearer} access token and stores the caller as a
 * request attribute; with {@code requiredRole} set, also requires that role. Failures are thrown as
 * {@link ApiException}s and rendered by the problem handler; authentication failures are recorded
 * as security events (never with the token).
 */
class AuthInterceptor implements HandlerInterceptor {

  static final String CALLER = AuthenticatedUser.class.getName();
  private static final String BEARER = "Bearer ";

  private final AccessTokens verifier;
  private final TokenRevocations revocations;
  private final SecurityEvents events;
  private final String requiredRole;

  AuthInterceptor(
      AccessTokens verifier,
      TokenRevocations revocations,
      SecurityEvents events,
      String requiredRole) {
    this.verifier = verifier;
    this.revocations = revocations;
    this.events = events;
    this.requiredRole = requiredRole;
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    AuthenticatedUser caller = (AuthenticatedUser) request.getAttribute(CALLER);
    if (caller == null) {
      caller = authenticate(request);
      request.setAttribute(CALLER, caller);
      request.setAttribute(SecurityEvents.USER_ID_ATTRIBUTE, caller.userId());
    }
    if (requiredRole != null && !caller.hasRole(requiredRole)) {
      throw new ApiException(
          ErrorCode.FORBIDDEN, "this endpoint requires the role " + requiredRole);
    }
    return true;
  }

  private AuthenticatedUser authenticate(HttpServletRequest request) {
    VerifiedAccessToken token;
    try {
      token = verifier.verify(bearerToken(request));
    } catch (RejectedAccessTokenException e) {
      events.record(SecurityEvent.AUTH_FAILED, e.reason());
      throw e;
    } catch (ApiException e) {
      if (e.code() == ErrorCode.UNAUTHORIZED) {
        events.record(SecurityEvent.AUTH_FAILED, e.detail());
      }
      throw e;
    }
    if (revocations.isRevoked(token.tokenId())) {
      events.record(SecurityEvent.TOKEN_REVOKED, token.userId(), "jti " + token.tokenId());
      throw new ApiException(ErrorCode.UNAUTHORIZED, "the access token has been revoked");
    }
    return new AuthenticatedUser(token.userId(), token.name(), token.roles());
  }

  private static String bearerToken(HttpServletRequest request) {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      throw new ApiException(ErrorCode.UNAUTHORIZED, "a Bearer access token is required");
    }
    String token = header.substring(BEARER.length()).trim();
    if (token.isEmpty()) {
      throw new ApiException(ErrorCode.UNAUTHORIZED, "a Bearer access token is required");
    }
    return token;
  }
}
