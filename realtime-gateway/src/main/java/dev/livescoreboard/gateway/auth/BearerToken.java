package dev.livescoreboard.gateway.auth;

/**
 * A token as presented by a client, not yet verified.
 *
 * @param value the compact JWT
 * @param source where the client put it
 */
public record BearerToken(String value, Source source) {

  /** Where a WebSocket client may put its token (browsers cannot set headers on WebSockets). */
  public enum Source {
    AUTHORIZATION_HEADER,
    SUBPROTOCOL,
    QUERY_PARAMETER
  }

  @Override
  public String toString() {
    // Tokens are credentials: never in logs.
    return "BearerToken[source=" + source + "]";
  }
}
