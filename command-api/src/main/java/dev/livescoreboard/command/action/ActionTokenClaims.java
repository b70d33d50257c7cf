package dev.livescoreboard.command.action;

import java.time.Instant;

/**
 * What a verified action token says.
 *
 * @param userId {@code sub}: the only user who may complete it
 * @param board {@code board}: the board it scores on
 * @param actionType {@code act}: the catalog action
 * @param nonce {@code nonce}: 128 random bits, recorded when completed so it completes once
 * @param issuedAt {@code iat}
 * @param expiresAt {@code exp}
 */
public record ActionTokenClaims(
    String userId,
    String board,
    String actionType,
    String nonce,
    Instant issuedAt,
    Instant expiresAt) {}
