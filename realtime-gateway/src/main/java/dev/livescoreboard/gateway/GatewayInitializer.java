package dev.livescoreboard.gateway;

import dev.livescoreboard.gateway.auth.TokenAuthenticator;
import dev.livescoreboard.gateway.blocking.BlockingExecutor;
import dev.livescoreboard.gateway.config.GatewaySettings;
import dev.livescoreboard.gateway.http.BoundedHttpObjectAggregator;
import dev.livescoreboard.gateway.http.HttpFrontEnd;
import dev.livescoreboard.gateway.http.RequestLogContext;
import dev.livescoreboard.gateway.metrics.GatewayMetrics;
import dev.livescoreboard.gateway.sse.SseEndpoint;
import dev.livescoreboard.gateway.websocket.ClientMessageHandler;
import dev.livescoreboard.gateway.websocket.ConnectionLimiter;
import dev.livescoreboard.gateway.websocket.FragmentAggregator;
import dev.livescoreboard.gateway.websocket.HeartbeatHandler;
import dev.livescoreboard.gateway.websocket.MessageRateLimiter;
import dev.livescoreboard.gateway.websocket.WebSocketAdmissionHandler;
import dev.livescoreboard.gateway.websocket.WebSocketPath;
import dev.livescoreboard.gateway.websocket.WebSocketSessionHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.flow.FlowControlHandler;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/** Assembles each connection's pipeline; holds no logic of its own. */
final class GatewayInitializer extends ChannelInitializer<SocketChannel> {

  /** A request line is a method, a path with a few query parameters and a token at most. */
  private static final int MAX_INITIAL_LINE_BYTES = 8 * 1024;

  /** Browsers send a few KB of headers; cookies of other apps on the same host can add more. */
  private static final int MAX_HEADER_BYTES = 16 * 1024;

  private static final int MAX_CHUNK_BYTES = 8 * 1024;

  /** A client that opens a socket but never finishes the handshake holds a slot for this long. */
  private static final long HANDSHAKE_TIMEOUT_MILLIS = 10_000;

  private final GatewaySettings settings;
  private final TokenAuthenticator verifier;
  private final BlockingExecutor blocking;
  private final ConnectionLimiter limiter;
  private final GatewayMetrics metrics;
  private final HttpFrontEnd http;
  private final HttpDecoderConfig decoderConfig =
      new HttpDecoderConfig()
          .setMaxInitialLineLength(MAX_INITIAL_LINE_BYTES)
          .setMaxHeaderSize(MAX_HEADER_BYTES)
          .setMaxChunkSize(MAX_CHUNK_BYTES);
  private final WebSocketSessionHandler session;
  private final ClientMessageHandler messages;
  private final SseEndpoint sse;
  private final WebSocketServerProtocolConfig webSocketConfig;
  private final ConnectionErrorHandler errors = new ConnectionErrorHandler();
  private final RequestLogContext requestLog = new RequestLogContext();
  private final ConnectionCap cap;

  GatewayInitializer(
      GatewaySettings settings,
      TokenAuthenticator verifier,
      BlockingExecutor blocking,
      ConnectionLimiter limiter,
      GatewayMetrics metrics,
      HttpFrontEnd http,
      WebSocketSessionHandler session,
      ClientMessageHandler messages,
      SseEndpoint sse) {
    this.settings = settings;
    this.verifier = verifier;
    this.blocking = blocking;
    this.limiter = limiter;
    this.metrics = metrics;
    this.http = http;
    this.session = session;
    this.messages = messages;
    this.sse = sse;
    this.cap = new ConnectionCap(settings.maxConnections(), metrics);
    this.webSocketConfig =
        WebSocketServerProtocolConfig.newBuilder()
            .websocketPath(WebSocketPath.PATH)
            .checkStartsWith(true)
            .subprotocols("bearer")
            .handshakeTimeoutMillis(HANDSHAKE_TIMEOUT_MILLIS)
            .decoderConfig(
                WebSocketDecoderConfig.newBuilder()
                    .maxFramePayloadLength(settings.maxFrameBytes())
                    // No extensions: compression would let a small frame inflate past the limit.
                    .allowExtensions(false)
                    .closeOnProtocolViolation(true)
                    .build())
            .build();
  }

  @Override
  protected void initChannel(SocketChannel channel) {
    ChannelPipeline pipeline = channel.pipeline();
    pipeline.addLast("cap", cap);
    // Closest to the socket: the flushes of the writes one read causes (pipelined requests,
    // client messages) become one syscall at the end of the read. Not outside reads (false):
    // there it would schedule a task per flushing channel, the very per-channel cost the
    // broadcast fan-out avoids by writing to all of a loop's channels, then flushing each once.
    pipeline.addLast(
        "flush",
        new FlushConsolidationHandler(
            FlushConsolidationHandler.DEFAULT_EXPLICIT_FLUSH_AFTER_FLUSHES, false));
    pipeline.addLast("drain", new DrainDeadline(settings.drainTimeout(), metrics));
    pipeline.addLast(
        "idle", new IdleStateHandler(settings.idleClose().toMillis(), 0, 0, TimeUnit.MILLISECONDS));
    // Netty's HTTP codec between the two halves of the request deadline, and right behind it the
    // in-memory answer to a plain GET of a board's top N, before any aggregation or routing (see
    // the http package).
    http.addCodec(pipeline, decoderConfig);
    pipeline.addLast("aggregator", new BoundedHttpObjectAggregator(settings.maxRequestBytes()));
    // Holds further pipelined requests while one waits for blocking work (order of responses).
    pipeline.addLast("flow", new FlowControlHandler());
    // Behind the flow control, so a held request gets its log context when it is let through.
    pipeline.addLast("request-log", requestLog);
    pipeline.addLast(
        "ws-admission",
        new WebSocketAdmissionHandler(settings, verifier, blocking, limiter, metrics));
    // In front of the protocol handler, so every frame counts, pings and fragments included.
    pipeline.addLast(
        "ws-rate-limit",
        new MessageRateLimiter(settings.messagesPerSecond(), settings.messageBurst(), metrics));
    pipeline.addLast("ws-protocol", new WebSocketServerProtocolHandler(webSocketConfig));
    pipeline.addLast("ws-fragments", new FragmentAggregator(settings.maxFrameBytes()));
    // A stream request is admitted here; once open, its stream replaces the HTTP codec.
    pipeline.addLast("sse", sse);
    pipeline.addLast("http-router", http.router());
    pipeline.addLast("ws-heartbeat", new HeartbeatHandler(settings.heartbeat()));
    pipeline.addLast("ws-session", session);
    pipeline.addLast("ws-messages", messages);
    pipeline.addLast("errors", errors);
  }
}
