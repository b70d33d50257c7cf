package dev.livescoreboard.command.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.livescoreboard.testsupport.TestAuth;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * Action tokens that are stolen, expired, tampered with, unsigned, signed with an unknown key, or
 * replayed: each is refused with its own code and scores nothing.
 */
class ActionTokenSecurityIT extends SecurityTestBase {

  private static final String TYPE = "action+jwt";

  @Value("${scoreboard.action-token.secrets}")
  private String secrets;

  private String user;
  private String bearer;

  @BeforeEach
  void player() {
    user = activeUser();
    bearer = tokenFor(user);
  }

  private Exchange complete(String actionToken) {
    return postJson(COMPLETE, bearer, json(Map.of("actionToken", actionToken)));
  }

  private void assertInvalid(String actionToken) {
    refusedUnchanged(403, "ACTION_TOKEN_INVALID", () -> complete(actionToken));
  }

  private JWTClaimsSet.Builder claims(Instant issuedAt) {
    return new JWTClaimsSet.Builder()
        .subject(user)
        .claim("board", "global")
        .claim("act", "COMPLETE_LEVEL")
        .claim("nonce", UUID.randomUUID().toString())
        .issueTime(Date.from(issuedAt))
        .expirationTime(Date.from(issuedAt.plusSeconds(300)));
  }

  @Test
  void anotherUsersTokenIsForbidden() {
    String owner = activeUser();
    String stolen = startAction(tokenFor(owner), "WIN_MATCH");

    refusedUnchanged(403, "FORBIDDEN", () -> complete(stolen));
  }

  @Test
  void expiredTokenIsRefusedAsExpired() throws Exception {
    ForgedTokens.Secret secret = ForgedTokens.firstSecret(secrets);
    String expired =
        ForgedTokens.hs256(
            claims(Instant.now().minusSeconds(600)).build(), secret.bytes(), secret.kid(), TYPE);

    refusedUnchanged(403, "ACTION_TOKEN_EXPIRED", () -> complete(expired));
  }

  @Test
  void tokenSignedWithTheServerSecretIsAcceptedSoTheForgeriesBelowAreMeaningful() throws Exception {
    ForgedTokens.Secret secret = ForgedTokens.firstSecret(secrets);
    String minted =
        ForgedTokens.hs256(claims(Instant.now()).build(), secret.bytes(), secret.kid(), TYPE);

    assertThat(complete(minted).status()).isEqualTo(200);
  }

  @Test
  void tamperedPayloadIsInvalid() {
    String token = startAction(bearer, "COMPLETE_LEVEL");

    assertInvalid(ForgedTokens.withClaim(token, "act", "REFER_FRIEND_COMPLETED"));
    assertInvalid(ForgedTokens.withClaim(token, "board", "side-board"));
    assertInvalid(ForgedTokens.withClaim(token, "nonce", "fresh-nonce-for-a-second-go"));
    String otherUser = activeUser();
    refusedUnchanged(
        403,
        "ACTION_TOKEN_INVALID",
        () ->
            postJson(
                COMPLETE,
                tokenFor(otherUser),
                json(Map.of("actionToken", ForgedTokens.withClaim(token, "sub", otherUser)))));
  }

  @Test
  void tamperedSignatureIsInvalid() {
    assertInvalid(ForgedTokens.withBrokenSignature(startAction(bearer, "COMPLETE_LEVEL")));
  }

  @Test
  void unsignedAlgNoneTokenIsInvalid() {
    String kid = ForgedTokens.firstSecret(secrets).kid();
    JWTClaimsSet claims = claims(Instant.now()).build();

    assertInvalid(
        ForgedTokens.algNone(
            "{\"alg\":\"none\",\"typ\":\"action+jwt\",\"kid\":\"" + kid + "\"}", claims));
    assertInvalid(ForgedTokens.algNone("{\"alg\":\"none\"}", claims));
  }

  @Test
  void unknownKidOrWrongSecretIsInvalid() throws Exception {
    byte[] guessed = new byte[32];
    new SecureRandom().nextBytes(guessed);
    JWTClaimsSet claims = claims(Instant.now()).build();

    assertInvalid(ForgedTokens.hs256(claims, guessed, "rotated-out", TYPE));
    assertInvalid(
        ForgedTokens.hs256(claims, guessed, ForgedTokens.firstSecret(secrets).kid(), TYPE));
  }

  @Test
  void tokenOfTheWrongKindIsInvalid() throws Exception {
    ForgedTokens.Secret secret = ForgedTokens.firstSecret(secrets);
    JWTClaimsSet claims = claims(Instant.now()).build();

    // Right key, but typ JWT: an action token must say what it is.
    assertInvalid(ForgedTokens.hs256(claims, secret.bytes(), secret.kid(), "JWT"));
    // An access token (RS256 from the auth service) is no action token.
    assertInvalid(TestAuth.shared().mint(user, "Player", List.of()));
  }

  @Test
  void randomStringsAreInvalid() {
    for (String junk : List.of("x", "a.b.c", "....", "eyJ9.eyJ9.eyJ9", "\u202e\u0000", "💥")) {
      assertInvalid(junk);
    }
  }

  @Test
  void oversizedTokenIsAValidationFailure() {
    refusedUnchanged(400, "VALIDATION_FAILED", () -> complete("a".repeat(4096)))
        .assertDetailNames("actionToken");
  }

  @Test
  void replayIsRefusedEvenAfterRedisIsFlushed() {
    String token = startAction(bearer, "COMPLETE_LEVEL");
    assertThat(complete(token).status()).isEqualTo(200);

    refusedUnchanged(409, "ACTION_ALREADY_COMPLETED", () -> complete(token));

    redis.flush();
    assertThat(redis.all()).isEmpty();
    // The first request after the flush may re-create rate-limit windows; the nonce is in Postgres.
    complete(token).assertProblem(409, "ACTION_ALREADY_COMPLETED");
    refusedUnchanged(409, "ACTION_ALREADY_COMPLETED", () -> complete(token));
    assertThat(
            count("SELECT score FROM user_scores WHERE user_id = ? AND board_id = 'global'", user))
        .isEqualTo(20);
  }
}
