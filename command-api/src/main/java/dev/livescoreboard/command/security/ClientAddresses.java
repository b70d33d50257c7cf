package dev.livescoreboard.command.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/**
 * The client's IP address: the TCP peer, or, only when {@code scoreboard.http.behind-trusted-proxy}
 * says one trusted reverse proxy sits in front, the last {@code X-Forwarded-For} entry (the one
 * that proxy appended; entries further left are client-controlled and never trusted).
 */
@Component
public class ClientAddresses {

  private static final int MAX_ADDRESS_CHARS = 64;

  private final boolean behindTrustedProxy;

  ClientAddresses(HttpSettings settings) {
    this.behindTrustedProxy = settings.behindTrustedProxy();
  }

  /** The client address of {@code request}. */
  public String of(HttpServletRequest request) {
    if (behindTrustedProxy) {
      String forwarded = request.getHeader("X-Forwarded-For");
      if (forwarded != null && !forwarded.isBlank()) {
        String last = forwarded.substring(forwarded.lastIndexOf(',') + 1).trim();
        if (!last.isEmpty() && last.length() <= MAX_ADDRESS_CHARS) {
          return last;
        }
      }
    }
    return request.getRemoteAddr();
  }
}
