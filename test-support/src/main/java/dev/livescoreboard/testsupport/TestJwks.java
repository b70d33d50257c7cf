package dev.livescoreboard.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpServer;
import dev.livescoreboard.infra.devauth.DevAuthServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A JWKS endpoint the test controls (a JDK {@code HttpServer} on loopback): publish any set of
 * keys, count fetches, and sign tokens with those keys. For tests of algorithms and key rotation;
 * {@link TestAuth} is the ordinary auth server.
 */
public final class TestJwks implements AutoCloseable {

  private final HttpServer http;
  private final AtomicReference<JWKSet> published = new AtomicReference<>(new JWKSet());
  private final AtomicInteger fetches = new AtomicInteger();

  public TestJwks() {
    try {
      http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    http.createContext(
        "/jwks.json",
        exchange -> {
          fetches.incrementAndGet();
          byte[] body = published.get().toString().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    http.start();
  }

  public String url() {
    return "http://127.0.0.1:" + http.getAddress().getPort() + "/jwks.json";
  }

  /** Serves exactly the public parts of {@code keys} from now on. */
  public void publish(JWK... keys) {
    published.set(new JWKSet(List.of(keys)).toPublicJWKSet());
  }

  public int fetches() {
    return fetches.get();
  }

  public static RSAKey newRsaKey() {
    try {
      return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  public static ECKey newEcKey() {
    try {
      return new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString()).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Signs {@code claims} with {@code key} using {@code alg}, naming the key's {@code kid}. */
  public static String sign(JWK key, JWSAlgorithm alg, JWTClaimsSet claims) {
    return DevAuthServer.sign(claims, key, alg);
  }

  @Override
  public void close() {
    http.stop(0);
  }
}
