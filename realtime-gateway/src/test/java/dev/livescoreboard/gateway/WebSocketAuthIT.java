package dev.livescoreboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class WebSocketAuthIT {

  private static RunningGateway gateway;
  private static RunningGateway publicGateway;

  @BeforeAll
  static void start() {
    gateway = new RunningGateway();
    publicGateway = new RunningGateway(Map.of("SCOREBOARD_GATEWAY_PUBLIC_READ", "true"));
    gateway.define("auth-board");
    publicGateway.define("auth-board");
  }

  @AfterAll
  static void stop() {
    gateway.close();
    publicGateway.close();
  }

  @Test
  void noTokenIsRefusedWith401() {
    assertThat(WsClient.refusedStatus(board(gateway), b -> b)).isEqualTo(401);
  }

  @Test
  void forgedTokenIsRefusedWith401() throws Exception {
    RSAKey otherKey = new RSAKeyGenerator(2048).keyID("attacker").generate();
    SignedJWT forged =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("attacker").build(),
            claims("mallory", gateway.auth.issuer(), "scoreboard", Duration.ofHours(1)));
    forged.sign(new RSASSASigner(otherKey));
    assertRefused(forged.serialize());
  }

  @Test
  void expiredTokenIsRefusedWith401() {
    assertRefused(gateway.auth.mint("alice", "Alice", List.of(), Duration.ofMinutes(-5)));
  }

  @Test
  void tokenForAnotherAudienceOrIssuerIsRefusedWith401() {
    assertRefused(
        gateway.auth.sign(
            claims("alice", gateway.auth.issuer(), "other-app", Duration.ofHours(1))));
    assertRefused(
        gateway.auth.sign(
            claims("alice", "http://evil.example", "scoreboard", Duration.ofHours(1))));
  }

  @Test
  void unsignedTokenIsRefusedWith401() {
    String header = base64("{\"alg\":\"none\"}");
    String payload =
        base64(
            "{\"sub\":\"alice\",\"aud\":\"scoreboard\",\"iss\":\"" + gateway.auth.issuer() + "\"}");
    assertRefused(header + "." + payload + ".");
  }

  @Test
  void es256TokenIsAccepted() {
    String token = gateway.auth.mintEs256("ecdsa-user", "EC User", List.of("player"));
    try (WsClient client =
        WsClient.connect(board(gateway), b -> b.header("Authorization", "Bearer " + token))) {
      assertThat(client.next("CONNECTION_ACK").path("userId").asString()).isEqualTo("ecdsa-user");
    }
  }

  @Test
  void hs256TokenIsRefusedWith401() throws Exception {
    SignedJWT hmac =
        new SignedJWT(
            new JWSHeader(JWSAlgorithm.HS256),
            claims("alice", gateway.auth.issuer(), "scoreboard", Duration.ofHours(1)));
    hmac.sign(new MACSigner(new byte[32]));
    assertRefused(hmac.serialize());
  }

  @Test
  void publicReadLetsAnonymousViewersIn() {
    try (WsClient client = WsClient.connect(board(publicGateway), b -> b)) {
      JsonNode ack = client.next("CONNECTION_ACK");
      assertThat(ack.path("userId").isNull()).isTrue();
      client.next("SNAPSHOT");
    }
  }

  @Test
  void publicReadStillRefusesInvalidTokens() {
    assertThat(
            WsClient.refusedStatus(
                board(publicGateway), b -> b.header("Authorization", "Bearer not.a.jwt")))
        .isEqualTo(401);
  }

  @Test
  void foreignOriginIsRefusedWith403() {
    String token = gateway.token("alice");
    assertThat(
            WsClient.refusedStatus(
                board(gateway),
                b ->
                    b.header("Authorization", "Bearer " + token)
                        .header("Origin", "http://evil.example")))
        .isEqualTo(403);
  }

  @Test
  void allowedOriginIsAccepted() {
    String token = gateway.token("alice");
    try (WsClient client =
        WsClient.connect(
            board(gateway),
            b ->
                b.header("Authorization", "Bearer " + token)
                    .header("Origin", RunningGateway.ALLOWED_ORIGIN))) {
      client.next("CONNECTION_ACK");
    }
  }

  private static void assertRefused(String token) {
    assertThat(
            WsClient.refusedStatus(
                board(gateway), b -> b.header("Authorization", "Bearer " + token)))
        .isEqualTo(401);
  }

  private static URI board(RunningGateway target) {
    return target.ws("/ws?board=auth-board");
  }

  private static JWTClaimsSet claims(String sub, String issuer, String audience, Duration ttl) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .subject(sub)
        .issuer(issuer)
        .audience(audience)
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(ttl)))
        .build();
  }

  private static String base64(String json) {
    return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes());
  }
}
