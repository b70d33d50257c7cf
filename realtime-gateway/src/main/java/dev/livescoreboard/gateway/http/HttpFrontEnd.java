package dev.livescoreboard.gateway.http;

import dev.livescoreboard.gateway.auth.TokenAuthenticator;
import dev.livescoreboard.gateway.blocking.BlockingExecutor;
import dev.livescoreboard.gateway.board.BoardFeed;
import dev.livescoreboard.gateway.board.LeaderboardStore;
import dev.livescoreboard.gateway.config.GatewaySettings;
import dev.livescoreboard.gateway.metrics.GatewayMetrics;
import dev.livescoreboard.gateway.rank.RankReads;
import dev.livescoreboard.gateway.registry.BoardRegistry;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import java.time.Clock;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * The HTTP layers of every connection: Netty's {@code HttpServerCodec} with the top-N fast path
 * behind it, and the router behind both, serving the same cached top-N responses. One per server;
 * thread-safe.
 */
public final class HttpFrontEnd {

  /**
   * Unanswered requests a client may pipeline before the codec closes its connection (Netty's
   * default, named here): each one holds memory until it is answered, and no browser pipelines.
   */
  static final int MAX_PIPELINED = 128;

  private final BoardFeed feed;
  private final Duration requestTimeout;
  private final GatewayMetrics metrics;
  private final TopResponseCache cache;
  private final BoardRegistry registry;
  private final HttpRouter router;
  private final ResponseMeter meter;

  public HttpFrontEnd(
      GatewaySettings settings,
      BoardFeed feed,
      LeaderboardStore store,
      RankReads ranks,
      TokenAuthenticator verifier,
      BlockingExecutor blocking,
      GatewayMetrics metrics,
      BooleanSupplier subscriptionUp,
      BoardRegistry registry) {
    this.feed = feed;
    this.requestTimeout = settings.requestTimeout();
    this.metrics = metrics;
    this.registry = registry;
    this.meter = new ResponseMeter(metrics);
    this.cache = new TopResponseCache(LeaderboardEndpoint.MAX_LIMIT, Clock.systemUTC());
    this.router =
        new HttpRouter(
            settings,
            feed,
            store,
            ranks,
            verifier,
            blocking,
            metrics,
            subscriptionUp,
            registry,
            cache);
  }

  /**
   * Adds the codec (named {@code http}; the WebSocket handshake and an SSE stream find it by type
   * and remove it) between the two handlers of the channel's {@link RequestDeadline}, the response
   * meter (behind the deadline's end, so its 408 is counted too) and the channel's own fast path.
   */
  public void addCodec(ChannelPipeline pipeline, HttpDecoderConfig decoderConfig) {
    RequestDeadline deadline = new RequestDeadline(requestTimeout, metrics);
    pipeline.addLast(RequestDeadline.START, deadline.start());
    pipeline.addLast("http", new HttpServerCodec(decoderConfig, MAX_PIPELINED));
    pipeline.addLast("http-meter", meter);
    pipeline.addLast(RequestDeadline.END, deadline.end());
    pipeline.addLast("http-top", new TopFastPath(feed, registry, cache));
  }

  /** The router for everything the fast path does not answer; shared by all channels. */
  public HttpRouter router() {
    return router;
  }
}
