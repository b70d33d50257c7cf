package dev.livescoreboard.command.score;

import dev.livescoreboard.command.auth.AuthenticatedUser;
import dev.livescoreboard.command.problem.ApiException;
import dev.livescoreboard.command.problem.ErrorCode;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code POST /api/v1/actions/complete}: turns a started action into points. */
@RestController
class ActionCompletionController {

  // Metadata is stored, not interpreted; the bound keeps one event row small.
  private static final int MAX_METADATA_CHARS = 2048;

  private final ActionCompletion completion;
  private final TraceParents traceParents = new TraceParents();

  ActionCompletionController(ActionCompletion completion) {
    this.completion = completion;
  }

  @PostMapping("/api/v1/actions/complete")
  CompletedAction complete(
      AuthenticatedUser caller,
      @Valid @RequestBody CompleteActionRequest request,
      @RequestHeader(name = "traceparent", required = false) String traceparent) {
    return completion.complete(
        caller,
        request.actionToken(),
        metadataJson(request.metadata()),
        traceParents.resolve(traceparent));
  }

  private static String metadataJson(JsonNode metadata) {
    if (metadata == null || metadata.isNull()) {
      return null;
    }
    String json = metadata.toString();
    if (!metadata.isObject() || json.length() > MAX_METADATA_CHARS || json.contains("\\u0000")) {
      throw new ApiException(
          ErrorCode.VALIDATION_FAILED,
          "metadata: must be a JSON object of at most " + MAX_METADATA_CHARS + " characters");
    }
    return json;
  }
}
