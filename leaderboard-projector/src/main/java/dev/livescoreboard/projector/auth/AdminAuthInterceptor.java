package dev.livescoreboard.projector.auth;

import dev.livescoreboard.auth.AccessTokenVerifier;
import dev.livescoreboard.auth.KeysUnavailableException;
import dev.livescoreboard.auth.RejectedTokenException;
import dev.livescoreboard.auth.VerifiedAccessToken;
import dev.livescoreboard.auth.revocation.RevocationStore;
import dev.livescoreboard.events.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.HandlerInterceptor;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lets a request through only with a valid {@code Authorization: Bearer} access token
 * (shared-auth's verifier), not revoked, carrying {@link VerifiedAccessToken#ADMIN_ROLE}; otherwise
 * answers the problem itself: 401 {@code UNAUTHORIZED}, 403 {@code FORBIDDEN}, or 503 {@code
 * UNAVAILABLE} when the keys or the revocation list cannot be read. The revocation check asks Redis
 * directly (admin calls are rare, so the projector runs no feed) and fails closed: a rebuild cannot
 * run without Redis anyway. Failures are logged to the security log without the token.
 */
class AdminAuthInterceptor implements HandlerInterceptor {

  private static final Logger security = LoggerFactory.getLogger("security");
  private static final String BEARER = "Bearer ";

  private final AccessTokenVerifier verifier;
  private final RevocationStore revocations;
  private final JsonMapper json;

  AdminAuthInterceptor(AccessTokenVerifier verifier, RevocationStore revocations, JsonMapper json) {
    this.verifier = verifier;
    this.revocations = revocations;
    this.json = json;
  }

  /** The problem body, shaped like command-api's and the rebuild endpoint's. */
  record Problem(
      String type, String title, int status, String detail, String code, String requestId) {}

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
      throws IOException {
    String token = bearerToken(request);
    if (token == null) {
      return refuse(request, response, ErrorCode.UNAUTHORIZED, "an admin access token is required");
    }
    VerifiedAccessToken verified;
    try {
      verified = verifier.verify(token);
    } catch (RejectedTokenException e) {
      security.warn("admin auth failed on {}: {}", request.getRequestURI(), e.getMessage());
      return refuse(
          request, response, ErrorCode.UNAUTHORIZED, "the access token is invalid or expired");
    } catch (KeysUnavailableException e) {
      security.warn("{}", e.getMessage());
      return refuse(
          request, response, ErrorCode.UNAVAILABLE, "the auth keys are unavailable, retry later");
    }
    try {
      if (verified.tokenId() != null && revocations.isRevoked(verified.tokenId())) {
        security.warn(
            "revoked token of {} refused on {}", verified.userId(), request.getRequestURI());
        return refuse(
            request, response, ErrorCode.UNAUTHORIZED, "the access token has been revoked");
      }
    } catch (RuntimeException e) {
      security.warn("cannot check revocations: {}", e.toString());
      return refuse(
          request, response, ErrorCode.UNAVAILABLE, "the revocation list is unavailable, retry");
    }
    if (!verified.hasRole(VerifiedAccessToken.ADMIN_ROLE)) {
      return refuse(
          request,
          response,
          ErrorCode.FORBIDDEN,
          "this endpoint requires the role " + VerifiedAccessToken.ADMIN_ROLE);
    }
    return true;
  }

  private static String bearerToken(HttpServletRequest request) {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return null;
    }
    String token = header.substring(BEARER.length()).trim();
    return token.isEmpty() ? null : token;
  }

  private boolean refuse(
      HttpServletRequest request, HttpServletResponse response, ErrorCode code, String detail)
      throws IOException {
    String requestId = request.getHeader("X-Request-Id");
    Problem problem =
        new Problem(
            "urn:problem:" + code.name(),
            code.title(),
            code.status(),
            detail,
            code.name(),
            requestId != null && !requestId.isBlank() ? requestId : UUID.randomUUID().toString());
    response.setStatus(code.status());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    if (code == ErrorCode.UNAUTHORIZED) {
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }
    response.getOutputStream().write(json.writeValueAsBytes(problem));
    return false;
  }
}
