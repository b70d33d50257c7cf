package dev.livescoreboard.gateway.http;

import dev.livescoreboard.events.TopNChanged;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * The responses of {@code GET /api/v1/leaderboards/{board}} and their validators, built the same
 * way whether a response is sent by the router or encoded in advance for the fast path.
 */
final class LeaderboardResponses {

  private LeaderboardResponses() {}

  /** The 200 response over {@code body}; also what gets pre-encoded. */
  static FullHttpResponse ok(ByteBuf body, String etag) {
    FullHttpResponse response =
        HttpResponses.buffer(HttpResponseStatus.OK, HttpResponses.JSON, body);
    response.headers().set(HttpHeaderNames.ETAG, etag);
    response.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-cache");
    return response;
  }

  /** The 304 response for {@code etag}. */
  static FullHttpResponse notModified(String etag) {
    FullHttpResponse notModified = HttpResponses.empty(HttpResponseStatus.NOT_MODIFIED);
    notModified.headers().set(HttpHeaderNames.ETAG, etag);
    return notModified;
  }

  /**
   * The validator of the first {@code limit} entries of {@code top}. Below the top N the ranking
   * changes without a new seq, so deep pages pass a content hash as {@code contentTag}.
   */
  static String etag(TopNChanged top, int limit, String contentTag) {
    return etag(top.season(), top.seq(), limit, contentTag);
  }

  /** The validator of the first {@code limit} entries of a season's state {@code seq}. */
  static String etag(String season, long seq, int limit, String contentTag) {
    return "\"" + season + "-" + seq + "-" + limit + contentTag + "\"";
  }

  /** Whether an {@code If-None-Match} value names {@code etag} (weak comparison, or {@code *}). */
  static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (String candidate : ifNoneMatch.split(",")) {
      String tag = candidate.trim();
      if (tag.startsWith("W/")) {
        tag = tag.substring(2);
      }
      if (tag.equals("*") || tag.equals(etag)) {
        return true;
      }
    }
    return false;
  }
}
