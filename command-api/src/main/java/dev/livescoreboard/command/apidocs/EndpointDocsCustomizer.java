package dev.livescoreboard.command.apidocs;

import dev.livescoreboard.events.ErrorCode;
import dev.livescoreboard.events.TraceParent;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Completes every operation springdoc found: summary (from {@link Endpoints} unless the handler has
 * one), the {@code bearerAuth} requirement under {@code /api/}, and one problem response per HTTP
 * status it can fail with, listing the codes as examples. Codes come from the operation's shape
 * plus its {@link Endpoints} entry, so new endpoints are covered without touching them.
 */
class EndpointDocsCustomizer implements OpenApiCustomizer {

  static final String BEARER_AUTH = "bearerAuth";
  private static final String API_PREFIX = "/api/";
  private static final String ADMIN_PREFIX = "/api/v1/admin/";
  private static final Map<String, String> HEADER_DESCRIPTIONS =
      Map.of(
          "Idempotency-Key",
          "Optional client-chosen key (per user, kept 24 h): a retry with the same key returns the"
              + " original response with Idempotent-Replayed: true and writes nothing");

  @Override
  public void customise(OpenAPI openApi) {
    openApi.getComponents().addSchemas(ProblemSchema.NAME, ProblemSchema.schema());
    if (openApi.getPaths() == null) {
      return;
    }
    openApi
        .getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach((method, operation) -> document(path, method, operation)));
  }

  private static void document(String path, PathItem.HttpMethod method, Operation operation) {
    Endpoints.Doc doc = Endpoints.find(method.name(), path).orElse(null);
    if (doc != null && (operation.getSummary() == null || operation.getSummary().isBlank())) {
      operation.setSummary(doc.summary());
    }
    if (path.startsWith(API_PREFIX)) {
      operation.setSecurity(List.of(new SecurityRequirement().addList(BEARER_AUTH)));
      operation.addParametersItem(traceParent());
    }
    describeHeaders(operation);
    Set<ErrorCode> codes = shapeCodes(path, operation);
    if (doc != null) {
      codes.addAll(doc.errors());
    }
    addProblemResponses(operation, codes);
  }

  /** The codes any operation of this shape can answer with, whatever its handler does. */
  private static Set<ErrorCode> shapeCodes(String path, Operation operation) {
    Set<ErrorCode> codes = EnumSet.of(ErrorCode.INTERNAL_ERROR);
    if (path.startsWith(API_PREFIX)) {
      // No or bad token; the per-client-address limit; the JWKS or the database unreachable, or
      // (player writes) no admission permit free in time.
      codes.addAll(List.of(ErrorCode.UNAUTHORIZED, ErrorCode.RATE_LIMITED, ErrorCode.UNAVAILABLE));
    }
    if (path.startsWith(ADMIN_PREFIX)) {
      codes.add(ErrorCode.FORBIDDEN);
    }
    if (operation.getRequestBody() != null) {
      codes.addAll(
          List.of(
              ErrorCode.VALIDATION_FAILED,
              ErrorCode.PAYLOAD_TOO_LARGE,
              ErrorCode.UNSUPPORTED_MEDIA_TYPE));
    }
    if (operation.getParameters() != null && !operation.getParameters().isEmpty()) {
      codes.add(ErrorCode.VALIDATION_FAILED);
    }
    return codes;
  }

  /** Read by a filter for every request, so no handler declares it (the trace package). */
  private static Parameter traceParent() {
    return new Parameter()
        .in("header")
        .name(TraceParent.HEADER)
        .required(false)
        .schema(new StringSchema())
        .description(
            "Optional W3C trace context (version 00), else the server starts a trace: its trace id"
                + " names the request's log lines and, for a score change, the published event"
                + " and the live update frames it causes (traceId)");
  }

  private static void describeHeaders(Operation operation) {
    if (operation.getParameters() == null) {
      return;
    }
    for (Parameter parameter : operation.getParameters()) {
      String description = HEADER_DESCRIPTIONS.get(parameter.getName());
      if ("header".equals(parameter.getIn())
          && description != null
          && parameter.getDescription() == null) {
        parameter.setDescription(description);
      }
    }
  }

  private static void addProblemResponses(Operation operation, Set<ErrorCode> codes) {
    if (operation.getResponses() == null) {
      operation.setResponses(new ApiResponses());
    }
    Map<Integer, List<ErrorCode>> byStatus =
        codes.stream()
            .collect(Collectors.groupingBy(ErrorCode::status, TreeMap::new, Collectors.toList()));
    byStatus.forEach(
        (status, ofStatus) -> {
          String key = String.valueOf(status);
          if (!operation.getResponses().containsKey(key)) {
            operation.getResponses().addApiResponse(key, problemResponse(ofStatus));
          }
        });
  }

  private static ApiResponse problemResponse(List<ErrorCode> codes) {
    MediaType media = new MediaType().schema(new Schema<>().$ref(ProblemSchema.REF));
    codes.forEach(
        code -> media.addExamples(code.name(), new Example().value(ProblemSchema.example(code))));
    String description =
        codes.stream()
            .map(c -> c.name() + " (" + c.title() + ")")
            .collect(Collectors.joining(", ", "Problem: ", ""));
    return new ApiResponse()
        .description(description)
        .content(new Content().addMediaType(ProblemSchema.MEDIA_TYPE, media));
  }
}
