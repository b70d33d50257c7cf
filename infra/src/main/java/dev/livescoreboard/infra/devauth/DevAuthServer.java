package dev.livescoreboard.infra.devauth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stands in for the separate auth service in the local stack and in tests: serves a JWKS at {@code
 * /.well-known/jwks.json} (an RSA and a P-256 key) and mints RS256 user tokens at {@code POST
 * /dev/token {"sub","name","roles"}}; tests may also mint ES256 ones. Never part of a production
 * deployment.
 */
public final class DevAuthServer implements AutoCloseable {

  public static final String AUDIENCE = "scoreboard";
  private static final Duration DEFAULT_TTL = Duration.ofHours(12);
  private static final Pattern LOOPBACK_PAGE =
      Pattern.compile("http://(localhost|127\\.0\\.0\\.1|\\[::1\\])(:\\d{1,5})?");

  private final HttpServer http;
  private final RSAKey signingKey;
  private final ECKey ecKey;
  private final String issuer;
  private final JsonMapper json = JsonMapper.builder().build();

  private DevAuthServer(HttpServer http, RSAKey signingKey, ECKey ecKey, String issuer) {
    this.http = http;
    this.signingKey = signingKey;
    this.ecKey = ecKey;
    this.issuer = issuer;
  }

  /** Starts the server on {@code port} (0 for any free port) with fresh RSA and EC keys. */
  public static DevAuthServer start(int port) {
    try {
      RSAKey key =
          new RSAKeyGenerator(2048)
              .keyUse(KeyUse.SIGNATURE)
              .algorithm(JWSAlgorithm.RS256)
              .keyID(UUID.randomUUID().toString())
              .generate();
      ECKey ec =
          new ECKeyGenerator(Curve.P_256)
              .keyUse(KeyUse.SIGNATURE)
              .algorithm(JWSAlgorithm.ES256)
              .keyID(UUID.randomUUID().toString())
              .generate();
      HttpServer http =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
      String issuer = "http://127.0.0.1:" + http.getAddress().getPort();
      DevAuthServer server = new DevAuthServer(http, key, ec, issuer);
      http.createContext("/.well-known/jwks.json", server::serveJwks);
      http.createContext("/dev/token", server::serveToken);
      http.setExecutor(Executors.newFixedThreadPool(2));
      http.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the dev auth server on port " + port, e);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  public int port() {
    return http.getAddress().getPort();
  }

  public String issuer() {
    return issuer;
  }

  public String jwksUrl() {
    return issuer + "/.well-known/jwks.json";
  }

  /** Mints an access token for {@code sub}, valid for 12 hours. */
  public String mint(String sub, String name, List<String> roles) {
    return mint(sub, name, roles, DEFAULT_TTL);
  }

  /** Mints an access token for {@code sub}, valid for {@code ttl} (negative: already expired). */
  public String mint(String sub, String name, List<String> roles, Duration ttl) {
    return sign(claims(sub, name, roles, ttl));
  }

  /** Mints a 12-hour access token for {@code sub} signed with ES256 (the server's P-256 key). */
  public String mintEs256(String sub, String name, List<String> roles) {
    return sign(claims(sub, name, roles, DEFAULT_TTL), ecKey, JWSAlgorithm.ES256);
  }

  private JWTClaimsSet claims(String sub, String name, List<String> roles, Duration ttl) {
    Instant now = Instant.now();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .audience(AUDIENCE)
            .subject(sub)
            .claim("name", name)
            .claim("roles", roles)
            .jwtID(UUID.randomUUID().toString())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(ttl)))
            .build();
    return claims;
  }

  /** Signs arbitrary claims with the server's key, for tests that need unusual tokens. */
  public String sign(JWTClaimsSet claims) {
    return sign(claims, signingKey, JWSAlgorithm.RS256);
  }

  /** Signs {@code claims} with {@code key} using {@code alg}, naming the key's {@code kid}. */
  public static String sign(JWTClaimsSet claims, JWK key, JWSAlgorithm alg) {
    try {
      JWSSigner signer =
          key instanceof ECKey ec ? new ECDSASigner(ec) : new RSASSASigner((RSAKey) key);
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(alg).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
              claims);
      jwt.sign(signer);
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private void serveJwks(HttpExchange exchange) throws IOException {
    respond(
        exchange,
        200,
        new JWKSet(List.of(signingKey.toPublicJWK(), ecKey.toPublicJWK())).toString());
  }

  private void serveToken(HttpExchange exchange) throws IOException {
    allowLoopbackPages(exchange);
    if ("OPTIONS".equals(exchange.getRequestMethod())) {
      exchange.getResponseHeaders().set("Access-Control-Allow-Methods", "POST");
      exchange.getResponseHeaders().set("Access-Control-Allow-Headers", "Content-Type");
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
      return;
    }
    if (!"POST".equals(exchange.getRequestMethod())) {
      respond(exchange, 405, "{\"error\":\"use POST\"}");
      return;
    }
    JsonNode body;
    try {
      body = json.readTree(exchange.getRequestBody().readAllBytes());
    } catch (RuntimeException e) {
      respond(exchange, 400, "{\"error\":\"body must be JSON\"}");
      return;
    }
    String sub = body.path("sub").asString("");
    if (sub.isBlank()) {
      respond(exchange, 400, "{\"error\":\"sub is required\"}");
      return;
    }
    List<String> roles =
        body.path("roles").isArray()
            ? body.path("roles").valueStream().map(JsonNode::asString).toList()
            : List.of();
    String token = mint(sub, body.path("name").asString(sub), roles);
    respond(exchange, 200, json.writeValueAsString(Map.of("token", token)));
  }

  /**
   * Lets the live page of a gateway on this machine mint tokens (its "play as" box): only pages
   * served from a loopback address, as the server itself only listens on loopback.
   */
  private static void allowLoopbackPages(HttpExchange exchange) {
    String origin = exchange.getRequestHeaders().getFirst("Origin");
    if (origin != null && LOOPBACK_PAGE.matcher(origin).matches()) {
      exchange.getResponseHeaders().set("Access-Control-Allow-Origin", origin);
      exchange.getResponseHeaders().set("Vary", "Origin");
    }
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (var out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    http.stop(0);
  }
}
