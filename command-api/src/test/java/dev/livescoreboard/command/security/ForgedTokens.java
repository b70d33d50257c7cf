package dev.livescoreboard.command.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.livescoreboard.testsupport.TestAuth;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Builds the bad tokens an attacker would try: foreign keys, no signature, swapped algorithms. */
final class ForgedTokens {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ForgedTokens() {}

  /** Access-token claims the server would accept if the token were signed by the auth service. */
  static JWTClaimsSet.Builder accessClaims(String sub) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(TestAuth.shared().issuer())
        .audience("scoreboard")
        .subject(sub)
        .claim("name", "Mallory")
        .jwtID(UUID.randomUUID().toString())
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(600)));
  }

  /** The auth service's real public key, as served from its JWKS. */
  static RSAKey authPublicKey() {
    try {
      JWKSet set = JWKSet.load(URI.create(TestAuth.shared().jwksUrl()).toURL());
      return set.getKeys().get(0).toRSAKey();
    } catch (Exception e) {
      throw new IllegalStateException("cannot load the dev auth JWKS", e);
    }
  }

  /** RS256 with a freshly generated key that claims the real key's {@code kid}. */
  static String rs256WithForeignKey(JWTClaimsSet claims) throws JOSEException {
    RSAKey foreign = new RSAKeyGenerator(2048).generate();
    return sign(claims, JWSAlgorithm.RS256, authPublicKey().getKeyID(), new RSASSASigner(foreign));
  }

  /** ES256 with a key the auth service never published. */
  static String es256WithForeignKey(JWTClaimsSet claims) throws JOSEException {
    String kid = "foreign-" + UUID.randomUUID();
    var foreign = new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
    return sign(claims, JWSAlgorithm.ES256, kid, new ECDSASigner(foreign));
  }

  /**
   * The classic algorithm confusion: HS256 "signed" with the RSA public key as the HMAC secret, in
   * the hope the server verifies HMAC with whatever key bytes it holds for that kid.
   */
  static String hs256WithPublicKey(JWTClaimsSet claims) throws JOSEException {
    RSAKey publicKey = authPublicKey();
    byte[] secret = publicKey.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
    return sign(claims, JWSAlgorithm.HS256, publicKey.getKeyID(), new MACSigner(secret));
  }

  /** An HS256 token with the given header {@code typ} and {@code kid}. */
  static String hs256(JWTClaimsSet claims, byte[] secret, String kid, String typ)
      throws JOSEException {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256)
                .type(new JOSEObjectType(typ))
                .keyID(kid)
                .build(),
            claims);
    jwt.sign(new MACSigner(secret));
    return jwt.serialize();
  }

  /** {@code alg: none}: the header says unsigned, the signature part is empty. */
  static String algNone(String headerJson, JWTClaimsSet claims) {
    return base64(headerJson) + "." + base64(claims.toString()) + ".";
  }

  /** {@code token} with one payload claim replaced and the original signature kept. */
  static String withClaim(String token, String claim, String value) {
    String[] parts = token.split("\\.");
    ObjectNode payload = (ObjectNode) JSON.readTree(Base64URL.from(parts[1]).decodeToString());
    payload.put(claim, value);
    return parts[0] + "." + base64(payload.toString()) + "." + parts[2];
  }

  /** {@code token} with its signature's first character changed. */
  static String withBrokenSignature(String token) {
    int at = token.lastIndexOf('.') + 1;
    char swapped = token.charAt(at) == 'A' ? 'B' : 'A';
    return token.substring(0, at) + swapped + token.substring(at + 1);
  }

  /** The first secret of a {@code kid:base64[,…]} spec as (kid, bytes). */
  static Secret firstSecret(String spec) {
    String first = spec.split(",")[0];
    int colon = first.indexOf(':');
    return new Secret(
        first.substring(0, colon), Base64.getDecoder().decode(first.substring(colon + 1)));
  }

  /** A named HMAC secret. */
  record Secret(String kid, byte[] bytes) {}

  private static String sign(
      JWTClaimsSet claims, JWSAlgorithm alg, String kid, com.nimbusds.jose.JWSSigner signer)
      throws JOSEException {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(alg).keyID(kid).type(JOSEObjectType.JWT).build(), claims);
    jwt.sign(signer);
    return jwt.serialize();
  }

  private static String base64(String json) {
    return Base64URL.encode(json.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
