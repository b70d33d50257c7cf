package dev.livescoreboard.bench.http;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.pool.AbstractChannelPoolHandler;
import io.netty.channel.pool.ChannelHealthChecker;
import io.netty.channel.pool.FixedChannelPool;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.Future;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A keep-alive HTTP/1.1 client to one host with at most {@code maxConnections} connections;
 * requests beyond that wait for a free connection (that wait counts in open-model latency).
 * Thread-safe; replies complete on a Netty event loop, so callbacks must not block.
 */
public final class HttpClientPool implements AutoCloseable {

  private static final AttributeKey<CompletableFuture<HttpReply>> PENDING =
      AttributeKey.valueOf("bench.pending");
  private static final int MAX_RESPONSE_BYTES = 1 << 20;

  private final FixedChannelPool pool;
  private final String host;
  private final Duration timeout;

  public HttpClientPool(EventLoopGroup group, URI base, int maxConnections, Duration timeout) {
    this.host = base.getHost() + ":" + base.getPort();
    this.timeout = timeout;
    Bootstrap bootstrap =
        new Bootstrap()
            .group(group)
            .channel(NettyTransport.socketChannel())
            .remoteAddress(base.getHost(), base.getPort())
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5_000);
    ReplyHandler replies = new ReplyHandler();
    this.pool =
        new FixedChannelPool(
            bootstrap,
            new AbstractChannelPoolHandler() {
              @Override
              public void channelCreated(Channel ch) {
                ch.pipeline()
                    .addLast(new HttpClientCodec())
                    .addLast(new HttpObjectAggregator(MAX_RESPONSE_BYTES))
                    .addLast(replies);
              }
            },
            ChannelHealthChecker.ACTIVE,
            null,
            -1,
            maxConnections,
            Integer.MAX_VALUE,
            true,
            true);
  }

  /** {@code GET path} with optional extra headers as name/value pairs. */
  public CompletableFuture<HttpReply> get(String path, String... headers) {
    return send(HttpMethod.GET, path, null, headers);
  }

  /** {@code POST path} with a JSON body. */
  public CompletableFuture<HttpReply> postJson(String path, byte[] json, String... headers) {
    return send(HttpMethod.POST, path, json, headers);
  }

  private CompletableFuture<HttpReply> send(
      HttpMethod method, String path, byte[] body, String... headers) {
    FullHttpRequest request =
        new DefaultFullHttpRequest(
            HttpVersion.HTTP_1_1,
            method,
            path,
            body == null ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body));
    request.headers().set(HttpHeaderNames.HOST, host);
    request.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
    if (body != null) {
      request.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
    }
    HttpUtil.setContentLength(request, request.content().readableBytes());
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.headers().set(headers[i], headers[i + 1]);
    }
    CompletableFuture<HttpReply> reply = new CompletableFuture<>();
    pool.acquire()
        .addListener(
            (Future<Channel> acquired) -> {
              if (!acquired.isSuccess()) {
                request.release();
                reply.completeExceptionally(acquired.cause());
                return;
              }
              Channel ch = acquired.getNow();
              ch.attr(PENDING).set(reply);
              var timer =
                  ch.eventLoop()
                      .schedule(
                          () -> fail(ch, reply, new TimeoutException("no response in " + timeout)),
                          timeout.toMillis(),
                          TimeUnit.MILLISECONDS);
              reply.whenComplete((r, e) -> timer.cancel(false));
              ch.writeAndFlush(request)
                  .addListener(
                      written -> {
                        if (!written.isSuccess()) {
                          fail(ch, reply, written.cause());
                        }
                      });
            });
    return reply;
  }

  /** Fails {@code reply} if it is still the channel's pending request, dropping the channel. */
  private void fail(Channel ch, CompletableFuture<HttpReply> reply, Throwable cause) {
    if (ch.attr(PENDING).compareAndSet(reply, null)) {
      ch.close();
      pool.release(ch);
      reply.completeExceptionally(cause);
    }
  }

  @ChannelHandler.Sharable
  private final class ReplyHandler extends SimpleChannelInboundHandler<FullHttpResponse> {

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
      long nanos = System.nanoTime();
      long micros = WallClock.micros();
      CompletableFuture<HttpReply> reply = ctx.channel().attr(PENDING).getAndSet(null);
      if (reply == null) {
        return;
      }
      byte[] body = ByteBufUtil.getBytes(response.content());
      if (!HttpUtil.isKeepAlive(response)) {
        ctx.close();
      }
      pool.release(ctx.channel());
      reply.complete(new HttpReply(response.status().code(), body, nanos, micros));
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      CompletableFuture<HttpReply> reply = ctx.channel().attr(PENDING).get();
      if (reply != null) {
        fail(ctx.channel(), reply, new java.io.IOException("connection closed"));
      }
      ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      CompletableFuture<HttpReply> reply = ctx.channel().attr(PENDING).get();
      if (reply != null) {
        fail(ctx.channel(), reply, cause);
      } else {
        ctx.close();
      }
    }
  }

  @Override
  public void close() {
    pool.close();
  }
}
