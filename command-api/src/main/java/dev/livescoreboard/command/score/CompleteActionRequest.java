package dev.livescoreboard.command.score;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.JsonNode;

/**
 * Body of {@code POST /api/v1/actions/complete}.
 *
 * @param actionToken the token from {@code POST /api/v1/actions}
 * @param metadata optional JSON object stored with the score event (not interpreted)
 */
record CompleteActionRequest(@NotBlank @Size(max = 2048) String actionToken, JsonNode metadata) {}
