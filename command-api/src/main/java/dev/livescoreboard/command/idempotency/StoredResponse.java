package dev.livescoreboard.command.idempotency;

/**
 * What {@code idempotency_keys} holds for a used key.
 *
 * @param requestHash SHA-256 (hex) of the request the key was first used with
 * @param status the HTTP status of the first response (2xx)
 * @param body the first response's JSON body
 */
record StoredResponse(String requestHash, Integer status, String body) {}
