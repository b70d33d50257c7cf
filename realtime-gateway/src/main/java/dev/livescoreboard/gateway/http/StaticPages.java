package dev.livescoreboard.gateway.http;

import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/**
 * The live leaderboard page, a fixed set of files from the classpath folder {@code static/}, and
 * this gateway's OpenAPI document {@code /openapi.json} (the classpath resource {@code
 * openapi.json}, written by hand: the router has no annotations to generate it from), all read once
 * at startup. Only listed paths are served, so no request can name another resource.
 */
final class StaticPages {

  private record Page(String contentType, byte[] body) {}

  private final Map<String, Page> pages;

  StaticPages() {
    Page index = load("static/index.html", "text/html; charset=utf-8");
    pages =
        Map.of(
            "/",
            index,
            "/index.html",
            index,
            "/app.js",
            load("static/app.js", "text/javascript; charset=utf-8"),
            "/app.css",
            load("static/app.css", "text/css; charset=utf-8"),
            "/openapi.json",
            load("openapi.json", HttpResponses.JSON));
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
    return Optional.of(response);
  }

  private static Page load(String name, String contentType) {
    try (InputStream in = StaticPages.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + name);
      }
      return new Page(contentType, in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
