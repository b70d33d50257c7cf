package dev.livescoreboard.infra.audit;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -jar infra/target/infra-local-stack.jar audit [--projector=URL] [--auth=URL]}: runs
 * the consistency audit ({@code POST /api/v1/admin/audit} on the projector), prints its JSON report
 * and exits {@value #OK} when consistent, {@value #DRIFT} on drift, {@value #CANNOT_RUN} when the
 * audit could not run (projector unreachable, refused token, not a report).
 */
public final class AuditCommand {

  public static final int OK = 0;
  public static final int DRIFT = 1;
  public static final int CANNOT_RUN = 2;

  static final String ADMIN_ROLE = "scoreboard:admin";
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  private final JsonMapper json =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
  private final PrintStream out;
  private final PrintStream err;

  private AuditCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  /** Parses the arguments and the environment, runs the audit, returns the exit code. */
  public static int run(
      List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
    AuditOptions options;
    try {
      options = AuditOptions.parse(args, env);
    } catch (IllegalArgumentException e) {
      err.println("audit: " + e.getMessage());
      err.println(
          "usage: audit [--projector=http://127.0.0.1:8082] [--auth=http://127.0.0.1:8090]");
      return CANNOT_RUN;
    }
    return new AuditCommand(out, err).run(options);
  }

  private int run(AuditOptions options) {
    try {
      String token = options.adminToken().orElseGet(() -> mint(options.devAuth()));
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(options.projector() + "/api/v1/admin/audit"))
                  .timeout(options.timeout())
                  .header("Authorization", "Bearer " + token)
                  .POST(HttpRequest.BodyPublishers.noBody())
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        err.println(
            "audit: the projector answered " + response.statusCode() + ": " + response.body());
        return CANNOT_RUN;
      }
      JsonNode report = json.readTree(response.body());
      JsonNode ok = report.path("ok");
      if (!ok.isBoolean()) {
        err.println("audit: the answer is not an audit report: " + response.body());
        return CANNOT_RUN;
      }
      out.println(json.writeValueAsString(report));
      return ok.asBoolean() ? OK : DRIFT;
    } catch (CannotRunException | JacksonException e) {
      err.println("audit: " + e.getMessage());
      return CANNOT_RUN;
    } catch (IOException e) {
      err.println("audit: cannot reach the projector at " + options.projector() + ": " + e);
      return CANNOT_RUN;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return CANNOT_RUN;
    }
  }

  /** An admin token from the local stack's dev auth server ({@code POST /dev/token}). */
  private String mint(URI devAuth) {
    Map<String, Object> claims =
        Map.of("sub", "audit-cli", "name", "Audit command", "roles", List.of(ADMIN_ROLE));
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(devAuth + "/dev/token"))
                  .timeout(CONNECT_TIMEOUT)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(claims)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      String token = json.readTree(response.body()).path("token").asString("");
      if (response.statusCode() != 200 || token.isBlank()) {
        throw new CannotRunException(
            "the dev auth server at " + devAuth + " minted no token: " + response.body());
      }
      return token;
    } catch (IOException e) {
      throw new CannotRunException(
          "no SCOREBOARD_ADMIN_TOKEN and no dev auth server at " + devAuth + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CannotRunException("interrupted");
    }
  }

  /** Why the audit could not run. */
  private static final class CannotRunException extends RuntimeException {
    CannotRunException(String message) {
      super(message);
    }
  }
}
