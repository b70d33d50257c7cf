package dev.livescoreboard.command.action;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC keys of action tokens by {@code kid}: the first one signs, every one verifies.
 * Immutable.
 */
final class ActionTokenKeys {

  static final int MIN_SECRET_BYTES = 32;
  private static final Pattern KID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private final String signingKid;
  private final Map<String, SecretKey> keys;

  private ActionTokenKeys(String signingKid, Map<String, SecretKey> keys) {
    this.signingKid = signingKid;
    this.keys = Map.copyOf(keys);
  }

  /**
   * Parses {@code kid:base64[,kid:base64…]} (standard or URL-safe Base64, at least 32 bytes each).
   * Error messages never contain secret material.
   */
  static ActionTokenKeys parse(String spec) {
    if (spec == null || spec.isBlank()) {
      throw new IllegalArgumentException(
          "SCOREBOARD_ACTION_TOKEN_SECRETS is required: kid:base64secret[,kid:base64secret...],"
              + " at least "
              + MIN_SECRET_BYTES
              + " bytes each");
    }
    Map<String, SecretKey> keys = new LinkedHashMap<>();
    for (String entry : spec.split(",")) {
      int colon = entry.indexOf(':');
      String kid = colon < 0 ? "" : entry.substring(0, colon).strip();
      if (!KID.matcher(kid).matches()) {
        throw new IllegalArgumentException(
            "SCOREBOARD_ACTION_TOKEN_SECRETS: each entry must be kid:base64secret with a kid of "
                + KID);
      }
      byte[] secret = decode(kid, entry.substring(colon + 1).strip());
      if (secret.length < MIN_SECRET_BYTES) {
        throw new IllegalArgumentException(
            "SCOREBOARD_ACTION_TOKEN_SECRETS: the secret of kid "
                + kid
                + " has "
                + secret.length
                + " bytes, at least "
                + MIN_SECRET_BYTES
                + " are required");
      }
      if (keys.put(kid, new SecretKeySpec(secret, "HmacSHA256")) != null) {
        throw new IllegalArgumentException(
            "SCOREBOARD_ACTION_TOKEN_SECRETS: kid " + kid + " twice");
      }
    }
    return new ActionTokenKeys(keys.keySet().iterator().next(), keys);
  }

  private static byte[] decode(String kid, String base64) {
    try {
      return Base64.getDecoder().decode(base64.replace('-', '+').replace('_', '/'));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "SCOREBOARD_ACTION_TOKEN_SECRETS: the secret of kid " + kid + " is not Base64");
    }
  }

  String signingKid() {
    return signingKid;
  }

  SecretKey signingKey() {
    return keys.get(signingKid);
  }

  Optional<SecretKey> find(String kid) {
    return Optional.ofNullable(kid == null ? null : keys.get(kid));
  }
}
