package dev.livescoreboard.gateway;

import static dev.livescoreboard.gateway.board.Tops.top;
import static org.assertj.core.api.Assertions.assertThat;

import dev.livescoreboard.events.EventJson;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The served {@code /openapi.json} against the gateway that serves it: a valid OpenAPI 3.1
 * document, naming exactly the routes the gateway answers and exactly the error codes it uses.
 */
class OpenApiDocumentIT {

  /**
   * Every route the gateway serves. The router dispatches by code, not from a table, so this list
   * is kept by hand; {@link #everyDocumentedOperationIsServed} checks each entry against the
   * running gateway, so a documented route that is not served fails here.
   */
  private static final Set<String> ROUTES =
      Set.of(
          "/api/v1/leaderboards",
          "/api/v1/leaderboards/{board}",
          "/api/v1/leaderboards/{board}/seasons",
          "/api/v1/leaderboards/{board}/users",
          "/api/v1/leaderboards/{board}/users/me",
          "/api/v1/leaderboards/{board}/users/{userId}",
          "/api/v1/leaderboards/{board}/around/me",
          "/api/v1/leaderboards/{board}/around/{userId}",
          "/api/v1/leaderboards/{board}/stream",
          "/health",
          "/metrics",
          "/openapi.json",
          "/",
          "/index.html",
          "/app.js",
          "/app.css",
          "/favicon.svg",
          "/page-config.json",
          "/ws");

  /** Required query parameters of the routes that have some. */
  private static final Map<String, String> QUERIES =
      Map.of("/api/v1/leaderboards/{board}/users", "?ids=alice,bob");

  private static final Pattern ERROR_CODE_USE = Pattern.compile("ErrorCode\\.([A-Z_]+)");

  private static RunningGateway gateway;
  private static ReadApi api;

  @BeforeAll
  static void start() {
    gateway = new RunningGateway();
    api = new ReadApi(gateway);
    gateway.define("openapi-board");
    gateway.seed(top("openapi-board", "all-time", 3, "alice", "bob", "carol"));
    gateway.score("openapi-board", "all-time", "alice", 30, 1);
    gateway.score("openapi-board", "all-time", "bob", 20, 2);
    gateway.score("openapi-board", "all-time", "carol", 10, 3);
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void servedDocumentIsTheResourceAsJsonWithTheSecurityHeaders() throws IOException {
    HttpResponse<String> response = api.get("/openapi.json");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(response.headers().firstValue("Content-Security-Policy")).isPresent();
    assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(response.body()).isEqualTo(resource());
  }

  @Test
  void documentParsesAsOpenApi31WithoutMessages() {
    SwaggerParseResult result = parse();

    assertThat(result.getMessages()).isEmpty();
    assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
  }

  @Test
  void documentedPathsAreExactlyTheServedRoutes() {
    assertThat(parse().getOpenAPI().getPaths().keySet())
        .containsExactlyInAnyOrderElementsOf(ROUTES);
  }

  /**
   * Each documented GET, called with sample values, answers one of the statuses documented for it,
   * and never the router's {@code 404 NOT_FOUND} for an unknown path.
   */
  @Test
  void everyDocumentedOperationIsServed() {
    String token = gateway.token("alice");
    parse()
        .getOpenAPI()
        .getPaths()
        .forEach(
            (template, item) -> {
              Operation get = item.getGet();
              assertThat(get).as("GET " + template).isNotNull();
              String path =
                  template.replace("{board}", "openapi-board").replace("{userId}", "bob")
                      + QUERIES.getOrDefault(template, "");
              if (template.endsWith("/stream")) {
                // A stream never ends by itself: its status is all that is read.
                try (SseClient stream =
                    SseClient.open(
                        java.net.URI.create(gateway.http(path + "?access_token=" + token)),
                        b -> b)) {
                  assertThat(get.getResponses().keySet())
                      .as("documented statuses of GET " + path)
                      .contains(String.valueOf(stream.status()));
                }
                return;
              }
              HttpResponse<String> response =
                  template.contains("/me") ? api.get(path, token) : api.get(path);
              assertThat(get.getResponses().keySet())
                  .as("documented statuses of GET " + path + ", answered " + response.body())
                  .contains(String.valueOf(response.statusCode()));
              assertThat(response.statusCode() == 404 && isNotFoundProblem(response))
                  .as("GET " + path + " is routed")
                  .isFalse();
            });
  }

  @Test
  void anUndocumentedPathIsNotFound() {
    HttpResponse<String> response = api.get("/openapi.yaml");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(isNotFoundProblem(response)).isTrue();
  }

  /** The problem's code enum lists every code the gateway's sources use, and no other. */
  @Test
  void problemCodesAreExactlyTheCodesTheGatewayAnswers() throws IOException {
    Set<String> used = new TreeSet<>();
    try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
      for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher use = ERROR_CODE_USE.matcher(Files.readString(source));
        while (use.find()) {
          used.add(use.group(1));
        }
      }
    }
    OpenAPI document = parse().getOpenAPI();
    Schema<?> problem = document.getComponents().getSchemas().get("Problem");
    Set<String> documented = new TreeSet<>();
    ((Schema<?>) problem.getProperties().get("code"))
        .getEnum()
        .forEach(code -> documented.add(code.toString()));

    assertThat(used).isNotEmpty();
    assertThat(documented).isEqualTo(used);
  }

  private static boolean isNotFoundProblem(HttpResponse<String> response) {
    JsonNode body = EventJson.fromJson(response.body(), JsonNode.class);
    return body.path("code").asString().equals("NOT_FOUND");
  }

  private static SwaggerParseResult parse() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result =
        new OpenAPIV3Parser().readContents(api.get("/openapi.json").body(), null, options);
    assertThat(result.getOpenAPI()).as("parsed document").isNotNull();
    return result;
  }

  private static String resource() throws IOException {
    try (InputStream in =
        OpenApiDocumentIT.class.getClassLoader().getResourceAsStream("openapi.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
