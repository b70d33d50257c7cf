package dev.livescoreboard.command.ratelimit;

import com.nimbusds.jwt.JWTParser;
import dev.livescoreboard.command.security.CachedBodyRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.text.ParseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds the action type of a complete request before the handler runs, to pick the per-action
 * window: the {@code act} claim of the body's action token, read WITHOUT verifying the token. That
 * is safe here because it only selects a counter: a forged token still counts against a window (and
 * the per-address limit) and is refused by the handler afterwards. Returns {@code null} when there
 * is no readable token; the request is then counted in the user's default window.
 */
class ActionTypePeek {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int MAX_TOKEN_CHARS = 4096;

  String of(HttpServletRequest request) {
    byte[] body = CachedBodyRequest.bodyOf(request);
    if (body == null) {
      return null;
    }
    try {
      JsonNode token = JSON.readTree(body).path("actionToken");
      if (!token.isString() || token.asString().length() > MAX_TOKEN_CHARS) {
        return null;
      }
      Object act = JWTParser.parse(token.asString()).getJWTClaimsSet().getClaim("act");
      return act instanceof String type ? type : null;
    } catch (JacksonException | ParseException e) {
      return null;
    }
  }
}
