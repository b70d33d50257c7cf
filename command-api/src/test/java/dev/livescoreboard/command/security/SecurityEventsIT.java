package dev.livescoreboard.command.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.livescoreboard.command.CommandApiTestBase;
import dev.livescoreboard.command.LogLines;
import dev.livescoreboard.testsupport.TestAuth;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

@ExtendWith(OutputCaptureExtension.class)
class SecurityEventsIT extends CommandApiTestBase {

  private static final Map<String, String> START = Map.of("actionType", "COMPLETE_LEVEL");
  private static final String TRACEPARENT =
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  @Autowired private MeterRegistry meters;

  @Test
  void aFailedAuthIsLoggedAsJsonWithItsRequestAndTraceAndCountedWithoutTheToken(
      CapturedOutput output) throws Exception {
    RSAKey foreign = new RSAKeyGenerator(2048).keyID("foreign").generate();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("foreign").build(),
            new JWTClaimsSet.Builder()
                .issuer(TestAuth.shared().issuer())
                .audience("scoreboard")
                .subject("mallory")
                .expirationTime(Date.from(Instant.now().plusSeconds(600)))
                .build());
    jwt.sign(new RSASSASigner(foreign));
    String token = jwt.serialize();
    double before = events("auth_failed");

    Response response =
        post(
            "/api/v1/actions",
            token,
            "{\"actionType\":\"COMPLETE_LEVEL\"}",
            Map.of("X-Request-Id", "sec-evt-1", "traceparent", TRACEPARENT));

    assertThat(response.status()).isEqualTo(401);
    assertThat(events("auth_failed")).isEqualTo(before + 1);
    JsonNode line = securityLine(output, "sec-evt-1");
    assertThat(line.path("event").asString()).isEqualTo("auth_failed");
    assertThat(line.path("level").asString()).isEqualTo("WARN");
    assertThat(line.path("traceId").asString()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(line.path("path").asString()).isEqualTo("/api/v1/actions");
    assertThat(line.path("@timestamp").asString()).isNotBlank();
    assertThat(output.getAll())
        .doesNotContain(token)
        .doesNotContain(jwt.getSignature().toString())
        .doesNotContain(
            jwt.getHeader().toBase64URL().toString() + "." + jwt.getPayload().toBase64URL());
  }

  @Test
  void aReplayedActionTokenIsRecordedWithTheUser(CapturedOutput output) {
    String user = newUserId();
    provision(user);
    String bearer = tokenFor(user);
    String actionToken = startAction(bearer, "COMPLETE_LEVEL");
    assertThat(complete(bearer, actionToken).status()).isEqualTo(200);
    double before = events("token_replay");

    Response replay = complete(bearer, actionToken);

    assertThat(replay.status()).isEqualTo(409);
    assertThat(events("token_replay")).isEqualTo(before + 1);
    assertThat(
            LogLines.of(output.getAll()).stream()
                .filter(line -> line.path("logger_name").asString().equals("security"))
                .filter(line -> line.path("event").asString().equals("token_replay"))
                .map(line -> line.path("userId").asString()))
        .contains(user);
    assertThat(output.getAll()).doesNotContain(actionToken).doesNotContain(bearer);
  }

  @Test
  void aMissingRoleIsRecordedAsForbidden() {
    String user = newUserId();
    double before = events("forbidden");

    Response refused =
        post("/api/v1/admin/users", tokenFor(user), Map.of("users", java.util.List.of()));

    assertThat(refused.status()).isEqualTo(403);
    assertThat(events("forbidden")).isEqualTo(before + 1);
  }

  @Test
  void theCountersArePublishedForPrometheus() {
    post("/api/v1/actions", "not.a.jwt", START);

    String metrics = prometheusText();

    assertThat(metrics).contains("scoreboard_security_events_total{event=\"auth_failed\"");
    assertThat(metrics).contains("scoreboard_security_events_total{event=\"quota_exceeded\"");
  }

  private String prometheusText() {
    try {
      java.net.http.HttpResponse<String> response =
          java.net.http.HttpClient.newHttpClient()
              .send(
                  java.net.http.HttpRequest.newBuilder(
                          java.net.URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.ofString());
      return response.body();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The security event line of the request {@code requestId}. */
  private static JsonNode securityLine(CapturedOutput output, String requestId) {
    return LogLines.of(output.getAll()).stream()
        .filter(line -> line.path("logger_name").asString().equals("security"))
        .filter(line -> line.path("requestId").asString().equals(requestId))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no security event of " + requestId));
  }

  private double events(String event) {
    return meters.counter("scoreboard.security.events", "event", event).count();
  }
}
