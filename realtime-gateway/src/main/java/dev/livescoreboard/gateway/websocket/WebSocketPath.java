package dev.livescoreboard.gateway.websocket;

/**
 * The WebSocket endpoint's path, matched exactly as Netty's handshake handler matches it with
 * {@code checkStartsWith(true)}: the admission check must see every request the handshaker would
 * upgrade.
 */
public final class WebSocketPath {

  public static final String PATH = "/ws";

  private WebSocketPath() {}

  /** Whether Netty's handshaker would treat {@code uri} as a WebSocket request. */
  public static boolean matches(String uri) {
    if (!uri.startsWith(PATH)) {
      return false;
    }
    if (uri.length() == PATH.length()) {
      return true;
    }
    char next = uri.charAt(PATH.length());
    return next == '/' || next == '?';
  }
}
