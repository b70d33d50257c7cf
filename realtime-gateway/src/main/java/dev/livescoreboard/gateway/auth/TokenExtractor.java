package dev.livescoreboard.gateway.auth;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;
import java.util.Optional;

/**
 * Finds the bearer token of a request: the {@code Authorization: Bearer} header, else the {@code
 * Sec-WebSocket-Protocol: bearer, <jwt>} pair, else the {@code access_token} query parameter.
 */
public final class TokenExtractor {

  /** The subprotocol a browser names before its token; the server echoes it back. */
  public static final String BEARER_SUBPROTOCOL = "bearer";

  private static final String BEARER_PREFIX = "Bearer ";

  private TokenExtractor() {}

  public static Optional<BearerToken> extract(HttpRequest request) {
    String authorization = request.headers().get(HttpHeaderNames.AUTHORIZATION);
    if (authorization != null
        && authorization.regionMatches(true, 0, BEARER_PREFIX, 0, BEARER_PREFIX.length())) {
      String token = authorization.substring(BEARER_PREFIX.length()).trim();
      if (!token.isEmpty()) {
        return Optional.of(new BearerToken(token, BearerToken.Source.AUTHORIZATION_HEADER));
      }
    }
    Optional<String> fromSubprotocol = fromSubprotocols(request);
    if (fromSubprotocol.isPresent()) {
      return Optional.of(new BearerToken(fromSubprotocol.get(), BearerToken.Source.SUBPROTOCOL));
    }
    List<String> query =
        new QueryStringDecoder(request.uri()).parameters().getOrDefault("access_token", List.of());
    return query.stream()
        .map(String::trim)
        .filter(token -> !token.isEmpty())
        .findFirst()
        .map(token -> new BearerToken(token, BearerToken.Source.QUERY_PARAMETER));
  }

  private static Optional<String> fromSubprotocols(HttpRequest request) {
    List<String> protocols =
        request.headers().getAll(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL).stream()
            .flatMap(header -> List.of(header.split(",")).stream())
            .map(String::trim)
            .filter(p -> !p.isEmpty())
            .toList();
    for (int i = 0; i + 1 < protocols.size(); i++) {
      if (BEARER_SUBPROTOCOL.equalsIgnoreCase(protocols.get(i))) {
        return Optional.of(protocols.get(i + 1));
      }
    }
    return Optional.empty();
  }
}
