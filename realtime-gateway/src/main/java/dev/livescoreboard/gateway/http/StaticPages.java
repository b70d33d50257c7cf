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
 * The live leaderboard page: a fixed set of files from the classpath folder {@code static/}, read
 * once at startup. Only listed paths are served, so no request can name another resource.
 */
final class StaticPages {

  private record Page(String contentType, byte[] body) {}

  private final Map<String, Page> pages;

  StaticPages() {
    Page index = load("index.html", "text/html; charset=utf-8");
    pages =
        Map.of(
            "/",
            index,
            "/index.html",
            index,
            "/app.js",
            load("app.js", "text/javascript; charset=utf-8"),
            "/app.css",
            load("app.css", "text/css; charset=utf-8"));
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
    try (InputStream in =
        StaticPages.class.getClassLoader().getResourceAsStream("static/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource static/" + name);
      }
      return new Page(contentType, in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
