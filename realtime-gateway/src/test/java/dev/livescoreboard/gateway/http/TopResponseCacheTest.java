package dev.livescoreboard.gateway.http;

import static dev.livescoreboard.gateway.board.Tops.top;
import static org.assertj.core.api.Assertions.assertThat;

import dev.livescoreboard.events.TopNChanged;
import dev.livescoreboard.gateway.board.BoardState;
import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TopResponseCacheTest {

  private final TopResponseCache cache =
      new TopResponseCache(10, Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC));

  @Test
  void sameStateAndLimitShareOneSerializedBody() {
    BoardState state = BoardState.of(top("global", "all-time", 7, "a", "b", "c"));

    TopResponseCache.CachedTop first = cache.get(state, 2);
    TopResponseCache.CachedTop again = cache.get(state, 2);

    assertThat(again).isSameAs(first);
    assertThat(first.etag()).isEqualTo("\"all-time-7-2-n3\"");
    String body = text(first.body());
    assertThat(body).contains("\"seq\":7").contains("\"userId\":\"b\"").doesNotContain("\"c\"");
    // Every response reads its own view; the shared bytes stay intact.
    assertThat(text(again.body())).isEqualTo(body);
  }

  @Test
  void newerStateReplacesTheCachedBodies() {
    BoardState old = BoardState.of(top("global", "all-time", 7, "a"));
    BoardState newer = BoardState.of(top("global", "all-time", 8, "b"));
    TopResponseCache.CachedTop before = cache.get(old, 10);

    TopResponseCache.CachedTop after = cache.get(newer, 10);

    assertThat(after).isNotSameAs(before);
    assertThat(after.etag()).isEqualTo("\"all-time-8-10-n1\"");
    assertThat(text(after.body())).contains("\"seq\":8");
    // A late request still holding the old state gets its own bytes, and does not evict.
    assertThat(text(cache.get(old, 10).body())).contains("\"seq\":7");
    assertThat(cache.get(newer, 10)).isSameAs(after);
  }

  @Test
  void theSameStateResizedReplacesTheCachedBodiesWithItsSizeAndANewTag() {
    TopNChanged top = top("global", "all-time", 7, "a", "b");
    TopResponseCache.CachedTop before = cache.get(BoardState.of(top), 10);
    BoardState resized = BoardState.of(top.withTotalUsers(5));

    TopResponseCache.CachedTop after = cache.get(resized, 10);

    assertThat(before.etag()).isEqualTo("\"all-time-7-10-n2\"");
    assertThat(text(before.body())).contains("\"totalUsers\":2");
    assertThat(after.etag()).isEqualTo("\"all-time-7-10-n5\"");
    assertThat(text(after.body())).contains("\"seq\":7").contains("\"totalUsers\":5");
    assertThat(cache.get(resized, 10)).isSameAs(after);
  }

  @Test
  void cachedResponsesAreWhatTheRouterWouldBuildForThem() {
    TopResponseCache.CachedTop cached =
        cache.get(BoardState.of(top("global", "all-time", 7, "a", "b")), 10);

    String ok =
        encodedByNetty(
            HttpResponses.complete(LeaderboardResponses.ok(cached.body(), cached.etag()), true));
    String notModified =
        encodedByNetty(
            HttpResponses.complete(LeaderboardResponses.notModified(cached.etag()), true));

    assertThat(encodedByNetty(cached.ok())).isEqualTo(ok).startsWith("HTTP/1.1 200 OK\r\n");
    assertThat(encodedByNetty(cached.notModified()))
        .isEqualTo(notModified)
        .startsWith("HTTP/1.1 304 Not Modified\r\n")
        .endsWith("\r\n\r\n");
  }

  @Test
  void sharedBytesAndHeadersSurviveAnyNumberOfResponses() {
    TopResponseCache.CachedTop cached =
        cache.get(BoardState.of(top("global", "all-time", 7, "a", "b")), 10);
    String first = encodedByNetty(cached.ok());

    for (int i = 0; i < 1000; i++) {
      // The encoder reads the shared headers, writes a view of the body and releases the response.
      encodedByNetty(cached.ok());
    }

    assertThat(cached.bytes().refCnt()).isPositive();
    assertThat(encodedByNetty(cached.ok())).isEqualTo(first);
    assertThat(cached.body().isDirect()).as("sockets write it without a copy").isTrue();
  }

  private static String encodedByNetty(FullHttpResponse response) {
    EmbeddedChannel channel = new EmbeddedChannel(new HttpResponseEncoder());
    channel.writeOutbound(response);
    StringBuilder text = new StringBuilder();
    for (ByteBuf part; (part = channel.readOutbound()) != null; ) {
      text.append(text(part));
    }
    channel.finishAndReleaseAll();
    return text.toString();
  }

  private static String text(ByteBuf body) {
    String text = body.toString(StandardCharsets.UTF_8);
    body.release();
    return text;
  }
}
