package dev.livescoreboard.command.auth;

import dev.livescoreboard.command.problem.ApiException;
import dev.livescoreboard.events.ErrorCode;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/admin/tokens/revoke}: refuses an access token from now on (401). The {@code
 * scoreboard:admin} role is enforced by the admin path's interceptor.
 */
@RestController
class TokenRevocationController {

  // A token's exp further out than this is not a real access token.
  private static final Duration MAX_EXPIRY = Duration.ofDays(366);

  private final TokenRevocations revocations;
  private final JwtSettings settings;
  private final Clock clock;

  TokenRevocationController(TokenRevocations revocations, JwtSettings settings, Clock clock) {
    this.revocations = revocations;
    this.settings = settings;
    this.clock = clock;
  }

  @PostMapping("/api/v1/admin/tokens/revoke")
  RevokedToken revoke(@Valid @RequestBody RevokeTokenRequest request) {
    Instant now = clock.instant();
    Instant expiresAt =
        request.expiresAt() != null ? request.expiresAt() : now.plus(settings.maxTokenLifetime());
    if (expiresAt.isAfter(now.plus(MAX_EXPIRY))) {
      throw new ApiException(
          ErrorCode.VALIDATION_FAILED,
          "expiresAt: must be within " + MAX_EXPIRY.toDays() + " days");
    }
    // A token is still accepted for clockSkew after its exp, so the entry must outlive that.
    Instant until = expiresAt.plus(settings.clockSkew());
    revocations.revoke(request.jti(), until);
    return new RevokedToken(request.jti(), until);
  }
}
