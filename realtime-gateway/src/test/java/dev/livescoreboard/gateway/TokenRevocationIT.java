package dev.livescoreboard.gateway;

import static dev.livescoreboard.gateway.board.Tops.top;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jwt.SignedJWT;
import dev.livescoreboard.auth.revocation.RevocationKeys;
import dev.livescoreboard.auth.revocation.RevocationStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Revocations reach the gateway through the shared revocation list in real Redis, written by the
 * same code command-api's admin revoke runs ({@link RevocationStore}).
 */
class TokenRevocationIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static RunningGateway gateway;
  private static RevocationStore revocations;

  @BeforeAll
  static void start() {
    gateway = new RunningGateway();
    revocations = new RevocationStore(gateway.redis, new RevocationKeys(gateway.keys.prefix()));
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  /** What {@code POST /api/v1/admin/tokens/revoke} does in command-api. */
  private static void revoke(String token) throws ParseException {
    Instant now = Instant.now();
    revocations.revoke(
        SignedJWT.parse(token).getJWTClaimsSet().getJWTID(), now.plus(Duration.ofHours(1)), now);
  }

  @Test
  void aRevokedTokenCannotConnect() throws Exception {
    String token = gateway.token("revoked-before");
    revoke(token);

    // The gateway learns of it through the revocation feed: within 2 s, like open connections.
    await()
        .atMost(Duration.ofSeconds(2))
        // "the handshake was accepted", until the feed has the revocation
        .ignoreExceptionsInstanceOf(AssertionError.class)
        .until(
            () ->
                WsClient.refusedStatus(
                    gateway.ws("/ws?board=global"),
                    b -> b.header("Authorization", "Bearer " + token)),
            status -> status == 401);
  }

  @Test
  void anOpenConnectionOfARevokedTokenClosesWith4001WithinTwoSeconds() throws Exception {
    String token = gateway.token("revoked-while-open");
    String other = gateway.token("still-fine");
    try (WsClient revoked =
            WsClient.connect(
                gateway.ws("/ws?board=global"), b -> b.header("Authorization", "Bearer " + token));
        WsClient unaffected =
            WsClient.connect(
                gateway.ws("/ws?board=global"),
                b -> b.header("Authorization", "Bearer " + other))) {
      revoked.next("CONNECTION_ACK");
      unaffected.next("CONNECTION_ACK");

      revoke(token);

      assertThat(revoked.closeCode).succeedsWithin(Duration.ofSeconds(2)).isEqualTo(4001);
      unaffected.send("{\"type\":\"PING\"}");
      assertThat(nextOfType(unaffected, "PONG")).isTrue();
      assertThat(unaffected.closeCode).isNotDone();
    }
  }

  @Test
  void anOpenStreamOfARevokedTokenEndsWithinTwoSecondsAndCannotReopen() throws Exception {
    gateway.seed(top("revoked-stream", "all-time", 1, "dora"));
    String token = gateway.token("revoked-streamer");
    URI stream = URI.create(gateway.http("/api/v1/leaderboards/revoked-stream/stream"));
    try (SseClient open =
        SseClient.open(stream, b -> b.header("Authorization", "Bearer " + token))) {
      assertThat(open.nextEvent().name()).isEqualTo("snapshot");

      revoke(token);

      await()
          .atMost(Duration.ofSeconds(2))
          .until(() -> open.pending().stream().anyMatch(SseClient.Closed.class::isInstance));
    }
    try (SseClient again =
        SseClient.open(stream, b -> b.header("Authorization", "Bearer " + token))) {
      assertThat(again.status()).isEqualTo(401);
    }
  }

  @Test
  void aRevokedTokenCannotReadMe() throws Exception {
    String token = gateway.token("revoked-reader");
    int before = me(token);
    assertThat(before).isNotEqualTo(401);

    revoke(token);

    await().atMost(Duration.ofSeconds(2)).until(() -> me(token), status -> status == 401);
  }

  @Test
  void tokensOfOtherUsersStillReadMe() throws Exception {
    revoke(gateway.token("someone-else"));

    assertThat(me(gateway.token("reader"))).isNotEqualTo(401);
  }

  private static boolean nextOfType(WsClient client, String type) {
    for (int i = 0; i < 10; i++) {
      if (client.next().path("type").asString().equals(type)) {
        return true;
      }
    }
    return false;
  }

  private static int me(String token) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(gateway.http("/api/v1/leaderboards/global/users/me")))
            .header("Authorization", "Bearer " + token)
            .timeout(Duration.ofSeconds(5))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
