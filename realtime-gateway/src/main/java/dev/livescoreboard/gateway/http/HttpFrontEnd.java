package dev.livescoreboard.gateway.http;

import dev.livescoreboard.gateway.blocking.BlockingExecutor;
import dev.livescoreboard.gateway.board.BoardFeed;
import dev.livescoreboard.gateway.board.LeaderboardStore;
import dev.livescoreboard.gateway.config.GatewaySettings;
import dev.livescoreboard.gateway.metrics.GatewayMetrics;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpDecoderConfig;
import java.time.Clock;
import java.util.function.BooleanSupplier;

/**
 * The HTTP layers of every connection: the codec with the top-N fast path inside it, and the router
 * behind it, both serving the same pre-encoded top-N responses. One per server; thread-safe.
 */
public final class HttpFrontEnd {

  // Pipeline names. The WebSocket handshake finds decoder and encoder by type, and replaces them.
  static final String DECODER = "http-decoder";
  static final String FAST_PATH = "http-top";
  static final String ENCODER = "http-encoder";

  private final BoardFeed feed;
  private final TopResponseCache cache;
  private final int topN;
  private final HttpRouter router;

  public HttpFrontEnd(
      GatewaySettings settings,
      BoardFeed feed,
      LeaderboardStore store,
      BlockingExecutor blocking,
      GatewayMetrics metrics,
      BooleanSupplier subscriptionUp) {
    this.feed = feed;
    this.topN = settings.topN();
    this.cache = new TopResponseCache(topN, Clock.systemUTC());
    this.router = new HttpRouter(settings, feed, store, blocking, metrics, subscriptionUp, cache);
  }

  /**
   * Adds the response encoder, the request decoder and the fast path. The encoder comes first, as
   * in Netty's {@code HttpServerCodec}: whatever the decoder's place writes is encoded, which the
   * WebSocket handshake relies on once it swaps both for frame codecs (a close frame sent by the
   * frame decoder must pass the frame encoder).
   */
  public void addCodec(ChannelPipeline pipeline, HttpDecoderConfig decoderConfig) {
    PendingRequests pending = new PendingRequests();
    pipeline.addLast(ENCODER, new ServerResponseEncoder(pending));
    pipeline.addLast(DECODER, new ServerRequestDecoder(decoderConfig, pending));
    pipeline.addLast(FAST_PATH, new TopFastPath(feed, cache, pending, topN));
  }

  /** The router for everything the fast path does not answer; shared by all channels. */
  public HttpRouter router() {
    return router;
  }
}
