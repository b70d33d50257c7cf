package dev.livescoreboard.command.auth;

import dev.livescoreboard.command.problem.ApiException;
import dev.livescoreboard.command.problem.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Requires a valid {@code Authorization: Bearer} access token and stores the caller as a request
 * attribute; with {@code requiredRole} set, also requires that role. Failures are thrown as {@link
 * ApiException}s and rendered by the problem handler.
 */
class AuthInterceptor implements HandlerInterceptor {

  static final String CALLER = AuthenticatedUser.class.getName();
  private static final String BEARER = "Bearer ";

  private final AccessTokenVerifier verifier;
  private final String requiredRole;

  AuthInterceptor(AccessTokenVerifier verifier, String requiredRole) {
    this.verifier = verifier;
    this.requiredRole = requiredRole;
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    AuthenticatedUser caller = (AuthenticatedUser) request.getAttribute(CALLER);
    if (caller == null) {
      caller = verifier.verify(bearerToken(request));
      request.setAttribute(CALLER, caller);
    }
    if (requiredRole != null && !caller.hasRole(requiredRole)) {
      throw new ApiException(ErrorCode.FORBIDDEN, "this endpoint requires the role " + requiredRole);
    }
    return true;
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
