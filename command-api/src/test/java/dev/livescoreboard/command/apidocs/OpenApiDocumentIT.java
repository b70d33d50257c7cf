package dev.livescoreboard.command.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livescoreboard.command.CommandApiTestBase;
import dev.livescoreboard.events.ErrorCode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document is complete: compared against the handler methods Spring MVC actually
 * registered, so an endpoint added without documentation fails here.
 */
class OpenApiDocumentIT extends CommandApiTestBase {

  private static final String OUR_PACKAGE = "dev.livescoreboard.command.";

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  private RequestMappingHandlerMapping handlerMapping;

  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
  private JsonNode document;

  /** An endpoint of the application: HTTP method and path template. */
  private record Endpoint(String method, String path) {
    JsonNode in(JsonNode document) {
      return document.path("paths").path(path).path(method.toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  @BeforeEach
  void fetchDocument() throws Exception {
    HttpResponse<String> response = fetch("/v3/api-docs");
    assertThat(response.statusCode()).isEqualTo(200);
    document = JSON.readTree(response.body());
  }

  @Test
  void documentAndSwaggerUiAreServedWithoutAuthentication() throws Exception {
    HttpResponse<String> ui = fetch("/swagger-ui.html");

    assertThat(ui.statusCode()).isEqualTo(200);
    assertThat(ui.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(ui.body()).containsIgnoringCase("swagger");
  }

  @Test
  void everyHandlerMethodOfTheApplicationIsDocumentedWithASummary() {
    List<Endpoint> endpoints = applicationEndpoints();
    assertThat(endpoints).as("the app's endpoints").isNotEmpty();

    for (Endpoint endpoint : endpoints) {
      JsonNode operation = endpoint.in(document);
      assertThat(operation.isObject()).as(endpoint + " is in /v3/api-docs").isTrue();
      assertThat(operation.path("summary").asString(""))
          .as(endpoint + " has a summary (add it to apidocs.Endpoints)")
          .isNotBlank();
      assertThat(successResponses(operation)).as(endpoint + " documents its success").isNotEmpty();
      for (JsonNode parameter : operation.path("parameters")) {
        assertThat(parameter.path("name").asString())
            .as(endpoint + ": the caller comes from the token, it is no parameter")
            .isNotEqualTo("caller");
      }
    }
  }

  @Test
  void everyApiEndpointRequiresTheBearerSchemeAndDocumentsItsProblems() {
    for (Endpoint endpoint : applicationEndpoints()) {
      JsonNode operation = endpoint.in(document);
      if (endpoint.path().startsWith("/api/")) {
        assertThat(operation.path("security").toString())
            .as(endpoint + " security")
            .contains("\"bearerAuth\"");
        assertThat(problemCodes(operation, "401")).as(endpoint.toString()).contains("UNAUTHORIZED");
      }
      if (endpoint.path().startsWith("/api/v1/admin/")) {
        assertThat(problemCodes(operation, "403")).as(endpoint.toString()).contains("FORBIDDEN");
      }
      if (operation.has("requestBody")) {
        assertThat(problemCodes(operation, "400"))
            .as(endpoint.toString())
            .contains("VALIDATION_FAILED");
        assertThat(problemCodes(operation, "413"))
            .as(endpoint.toString())
            .contains("PAYLOAD_TOO_LARGE");
      }
      for (var status : operation.path("responses").propertyNames()) {
        if (status.startsWith("4") || status.startsWith("5")) {
          JsonNode media =
              operation
                  .path("responses")
                  .path(status)
                  .path("content")
                  .path("application/problem+json");
          assertThat(media.path("schema").path("$ref").asString(""))
              .as(endpoint + " " + status + " is a Problem")
              .isEqualTo("#/components/schemas/Problem");
          media
              .path("examples")
              .forEach(
                  example ->
                      assertThat(example.path("value").path("status").asInt())
                          .as(endpoint + " example under " + status)
                          .isEqualTo(Integer.parseInt(status)));
        }
      }
    }
  }

  @Test
  void problemSchemaListsEveryErrorCode() {
    JsonNode problem = document.path("components").path("schemas").path("Problem");

    assertThat(problem.path("properties").propertyNames())
        .contains("type", "title", "status", "detail", "code", "requestId");
    List<String> codes = new ArrayList<>();
    problem.path("properties").path("code").path("enum").forEach(c -> codes.add(c.asString()));
    assertThat(codes)
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(ErrorCode.values()).map(ErrorCode::name).toList());
  }

  @Test
  void bearerJwtSchemeIsDeclared() {
    JsonNode bearer = document.path("components").path("securitySchemes").path("bearerAuth");

    assertThat(bearer.path("type").asString()).isEqualTo("http");
    assertThat(bearer.path("scheme").asString()).isEqualTo("bearer");
    assertThat(bearer.path("bearerFormat").asString()).isEqualTo("JWT");
  }

  @Test
  void completeDocumentsItsBodiesAndItsTokenProblems() {
    JsonNode complete = new Endpoint("POST", "/api/v1/actions/complete").in(document);

    assertThat(complete.path("requestBody").toString()).contains("CompleteActionRequest");
    assertThat(complete.path("responses").path("200").toString()).contains("CompletedAction");
    assertThat(problemCodes(complete, "403"))
        .contains("FORBIDDEN", "ACTION_TOKEN_INVALID", "ACTION_TOKEN_EXPIRED");
    assertThat(problemCodes(complete, "409")).contains("ACTION_ALREADY_COMPLETED");
    JsonNode idempotencyKey = null;
    JsonNode traceparent = null;
    for (JsonNode parameter : complete.path("parameters")) {
      if (parameter.path("name").asString("").equals("Idempotency-Key")) {
        idempotencyKey = parameter;
      }
      if (parameter.path("name").asString("").equals("traceparent")) {
        traceparent = parameter;
      }
      assertThat(parameter.path("name").asString())
          .as("the trace comes from the filter, it is no parameter of its own")
          .isNotEqualTo("trace");
    }
    assertThat(traceparent).as("traceparent header").isNotNull();
    assertThat(traceparent.path("in").asString()).isEqualTo("header");
    assertThat(traceparent.path("description").asString("")).contains("traceId");
    assertThat(idempotencyKey).as("Idempotency-Key header").isNotNull();
    assertThat(idempotencyKey.path("in").asString()).isEqualTo("header");
    assertThat(idempotencyKey.path("description").asString("")).contains("Idempotent-Replayed");
    assertThat(
            document
                .path("components")
                .path("schemas")
                .path("CompleteActionRequest")
                .path("properties")
                .path("metadata")
                .path("type")
                .asString(""))
        .isEqualTo("object");
    assertThat(
            document
                .path("components")
                .path("schemas")
                .path("CompletedAction")
                .path("properties")
                .propertyNames())
        .contains("eventId", "userId", "board", "season", "delta", "previousScore", "newScore");
  }

  @Test
  void anomalyFlagEndpointsDocumentTheirPagesAndRefusals() {
    JsonNode list = new Endpoint("GET", "/api/v1/admin/flags").in(document);
    JsonNode resolve = new Endpoint("POST", "/api/v1/admin/flags/{id}/resolve").in(document);

    assertThat(list.path("responses").path("200").toString()).contains("FlagPage");
    assertThat(list.path("parameters").toString()).contains("status", "limit", "cursor");
    assertThat(problemCodes(list, "400")).contains("VALIDATION_FAILED");
    assertThat(resolve.path("requestBody").toString()).contains("ResolveFlagRequest");
    assertThat(problemCodes(resolve, "404")).contains("NOT_FOUND");
    assertThat(problemCodes(resolve, "409")).contains("FLAG_ALREADY_RESOLVED");
    assertThat(
            document
                .path("components")
                .path("schemas")
                .path("Flag")
                .path("properties")
                .propertyNames())
        .contains(
            "id",
            "userId",
            "reason",
            "details",
            "flaggedAt",
            "status",
            "resolvedBy",
            "resolvedAt",
            "resolutionNote");
  }

  @Test
  void userChangesDocumentTheirBodiesAndRefusals() {
    JsonNode patch = new Endpoint("PATCH", "/api/v1/admin/users/{userId}").in(document);
    JsonNode erase = new Endpoint("POST", "/api/v1/admin/users/{userId}/erase").in(document);
    JsonNode freeze = new Endpoint("POST", "/api/v1/admin/users/{userId}/freeze").in(document);

    assertThat(patch.path("requestBody").toString()).contains("UpdateUserRequest");
    assertThat(
            document
                .path("components")
                .path("schemas")
                .path("UpdateUserRequest")
                .path("properties")
                .propertyNames())
        .containsExactlyInAnyOrder("displayName", "public");
    for (JsonNode operation : List.of(patch, erase, freeze)) {
      assertThat(problemCodes(operation, "404")).contains("USER_NOT_FOUND");
      assertThat(problemCodes(operation, "409")).contains("USER_ERASED");
    }
    assertThat(erase.path("responses").path("200").toString()).contains("AdminUserResponse");
    assertThat(freeze.path("requestBody").path("required").asBoolean(false)).isFalse();
    assertThat(problemCodes(new Endpoint("POST", "/api/v1/admin/users").in(document), "409"))
        .contains("USER_ERASED");
  }

  @Test
  void operatorEndpointsDocumentTheirBodiesAndRefusals() {
    JsonNode adjust = new Endpoint("POST", "/api/v1/admin/users/{userId}/adjustments").in(document);
    JsonNode history = new Endpoint("GET", "/api/v1/admin/users/{userId}/history").in(document);
    JsonNode asOf = new Endpoint("GET", "/api/v1/admin/boards/{id}/as-of").in(document);

    assertThat(adjust.path("requestBody").toString()).contains("AdjustScoreRequest");
    assertThat(adjust.path("responses").path("200").toString()).contains("AdjustedScore");
    assertThat(problemCodes(adjust, "409")).contains("SCORE_BELOW_ZERO", "SCORE_CAP_REACHED");
    assertThat(problemCodes(adjust, "404")).contains("USER_NOT_FOUND", "BOARD_NOT_FOUND");
    assertThat(problemCodes(adjust, "403")).contains("FORBIDDEN", "USER_FROZEN");
    assertThat(
            document
                .path("components")
                .path("schemas")
                .path("AdjustScoreRequest")
                .path("required")
                .toString())
        .contains("board", "delta", "reason");
    assertThat(problemCodes(history, "404")).contains("USER_NOT_FOUND", "BOARD_NOT_FOUND");
    assertThat(history.path("responses").path("200").toString()).contains("ScoreHistory");
    assertThat(problemCodes(asOf, "404")).contains("BOARD_NOT_FOUND");
    assertThat(problemCodes(asOf, "400")).contains("VALIDATION_FAILED");
    assertThat(asOf.path("responses").path("200").toString()).contains("BoardAsOf");
    assertThat(
            document
                .path("components")
                .path("schemas")
                .path("AsOfEntry")
                .path("properties")
                .propertyNames())
        .contains("rank", "userId", "displayName", "score", "reachedAt");
  }

  /** Every (method, path) of a handler method in this application, from Spring MVC itself. */
  private List<Endpoint> applicationEndpoints() {
    List<Endpoint> endpoints = new ArrayList<>();
    handlerMapping
        .getHandlerMethods()
        .forEach(
            (info, method) -> {
              if (!method.getBeanType().getName().startsWith(OUR_PACKAGE)) {
                return;
              }
              var methods = info.getMethodsCondition().getMethods();
              assertThat(methods).as(method + " names its HTTP methods").isNotEmpty();
              for (String pattern : info.getPatternValues()) {
                for (RequestMethod httpMethod : methods) {
                  endpoints.add(new Endpoint(httpMethod.name(), withoutRegex(pattern)));
                }
              }
            });
    return endpoints;
  }

  /** {@code /x/{id:[0-9]+}} as OpenAPI writes it: {@code /x/{id}}. */
  private static String withoutRegex(String pattern) {
    return pattern.replaceAll("\\{([^}:]+):[^}]*}", "{$1}");
  }

  private static List<String> successResponses(JsonNode operation) {
    return operation.path("responses").propertyNames().stream()
        .filter(status -> status.startsWith("2"))
        .toList();
  }

  private static List<String> problemCodes(JsonNode operation, String status) {
    return operation
        .path("responses")
        .path(status)
        .path("content")
        .path("application/problem+json")
        .path("examples")
        .propertyNames()
        .stream()
        .toList();
  }

  private HttpResponse<String> fetch(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
