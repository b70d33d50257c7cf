package dev.livescoreboard.gateway.config;

import java.net.URI;
import java.util.Optional;

/**
 * What the live page needs to know about its surroundings, served to it as {@code
 * /page-config.json} and reflected in its Content-Security-Policy.
 *
 * @param devAuthUrl the local stack's dev auth server ({@code POST /dev/token}), for the page's
 *     "play as" box; empty in every real deployment, where tokens come from the real auth service
 *     and the page may connect to no origin but its own
 */
public record PageSettings(Optional<URI> devAuthUrl) {

  /**
   * The page's own origin only: scripts, styles and images from the gateway (no inline script, no
   * third-party origin), WebSockets and fetches to the gateway. CSP 3 lets {@code 'self'} match the
   * same host's {@code ws:} and {@code wss:}, so no other host is reachable.
   */
  private static final String BASE_POLICY =
      "default-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none';"
          + " form-action 'none'; connect-src 'self'";

  public PageSettings {
    devAuthUrl.ifPresent(
        url -> {
          if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())
              || url.getHost() == null) {
            throw new IllegalArgumentException("devAuthUrl must be an http(s) URL, was " + url);
          }
        });
  }

  /** No dev auth server: the page's policy allows its own origin only. */
  public static PageSettings none() {
    return new PageSettings(Optional.empty());
  }

  /** {@code scheme://host[:port]} of the dev auth server, if there is one. */
  public Optional<String> devAuthOrigin() {
    return devAuthUrl.map(
        url ->
            url.getScheme()
                + "://"
                + url.getHost()
                + (url.getPort() < 0 ? "" : ":" + url.getPort()));
  }

  /** The page's policy: its own origin, plus the dev auth server's origin when configured. */
  public String contentSecurityPolicy() {
    return BASE_POLICY + devAuthOrigin().map(origin -> " " + origin).orElse("");
  }
}
