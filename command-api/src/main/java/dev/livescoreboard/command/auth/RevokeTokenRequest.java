package dev.livescoreboard.command.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * {@code POST /api/v1/admin/tokens/revoke} body.
 *
 * @param jti the access token's id
 * @param expiresAt the token's {@code exp} if known; the revocation is kept until then (otherwise
 *     for the longest access-token lifetime)
 */
record RevokeTokenRequest(
    @NotBlank
        @Size(max = 255)
        @Pattern(regexp = "[\\x21-\\x7E]+", message = "must be printable ASCII")
        String jti,
    Instant expiresAt) {}
