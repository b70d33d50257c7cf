package dev.livescoreboard.command.score;

import dev.livescoreboard.command.auth.AuthenticatedUser;
import dev.livescoreboard.command.idempotency.Idempotency;
import dev.livescoreboard.command.problem.ApiException;
import dev.livescoreboard.command.trace.TraceContextFilter;
import dev.livescoreboard.events.ErrorCode;
import dev.livescoreboard.events.TraceParent;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
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
  private final Idempotency idempotency;

  ActionCompletionController(ActionCompletion completion, Idempotency idempotency) {
    this.completion = completion;
    this.idempotency = idempotency;
  }

  @PostMapping("/api/v1/actions/complete")
  ResponseEntity<CompletedAction> complete(
      AuthenticatedUser caller,
      @Valid @RequestBody CompleteActionRequest request,
      @RequestAttribute(TraceContextFilter.ATTRIBUTE) TraceParent trace,
      @RequestHeader(name = Idempotency.HEADER, required = false) String idempotencyKey) {
    String metadata = metadataJson(request.metadata());
    // What makes a retry "the same request": the token and the metadata as parsed.
    String fingerprint =
        "POST /api/v1/actions/complete\n" + request.actionToken() + "\n" + metadata;
    return idempotency.execute(
        caller.userId(),
        idempotencyKey,
        fingerprint,
        CompletedAction.class,
        () -> {
          ActionCompletion.Outcome done =
              completion.complete(caller, request.actionToken(), metadata, trace.value());
          return ResponseEntity.ok()
              .headers(headers -> headers.setAll(done.rateLimitHeaders()))
              .body(done.action());
        });
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
