package dev.livescoreboard.gateway.http;

import dev.livescoreboard.events.EventJson;
import dev.livescoreboard.gateway.config.PageSettings;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The live leaderboard page, a fixed set of files from the classpath folder {@code static/}, its
 * {@code /page-config.json} (what the page needs to know about this deployment), and this gateway's
 * OpenAPI document {@code /openapi.json} (the classpath resource {@code openapi.json}, written by
 * hand: the router has no annotations to generate it from), all read once at startup. Only listed
 * paths are served, so no request can name another resource. The HTML page carries the policy of
 * {@link PageSettings#contentSecurityPolicy()}, which names the dev auth server's origin only where
 * one is configured.
 */
final class StaticPages {

  private record Page(String contentType, byte[] body, Optional<String> policy) {}

  /** What the page reads at startup; {@code devAuthUrl} is null outside the local stack. */
  record PageConfig(String devAuthUrl) {}

  private final Map<String, Page> pages;

  StaticPages(PageSettings settings) {
    Page index =
        new Page(
            "text/html; charset=utf-8",
            load("static/index.html"),
            Optional.of(settings.contentSecurityPolicy()));
    Map<String, Page> all = new HashMap<>();
    all.put("/", index);
    all.put("/index.html", index);
    all.put("/app.js", page("static/app.js", "text/javascript; charset=utf-8"));
    all.put("/app.css", page("static/app.css", "text/css; charset=utf-8"));
    all.put("/favicon.svg", page("static/favicon.svg", "image/svg+xml"));
    all.put(
        "/page-config.json",
        new Page(
            HttpResponses.JSON,
            EventJson.toBytes(new PageConfig(settings.devAuthOrigin().orElse(null))),
            Optional.empty()));
    all.put("/openapi.json", page("openapi.json", HttpResponses.JSON));
    pages = Map.copyOf(all);
  }

  /** The response for {@code path}, if it names a page. */
  Optional<FullHttpResponse> find(String path) {
    Page page = pages.get(path);
    if (page == null) {
      return Optional.empty();
    }
    FullHttpResponse response =
        HttpResponses.bytes(HttpResponseStatus.OK, page.contentType(), page.body());
    response.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-cache");
    page.policy().ifPresent(policy -> response.headers().set(HttpResponses.CSP_HEADER, policy));
    return Optional.of(response);
  }

  private static Page page(String name, String contentType) {
    return new Page(contentType, load(name), Optional.empty());
  }

  private static byte[] load(String name) {
    try (InputStream in = StaticPages.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
