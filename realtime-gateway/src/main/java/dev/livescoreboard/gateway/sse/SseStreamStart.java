package dev.livescoreboard.gateway.sse;

import dev.livescoreboard.gateway.auth.LiveConnections;
import dev.livescoreboard.gateway.auth.Principal;
import dev.livescoreboard.gateway.board.BoardFeed;
import dev.livescoreboard.gateway.board.ChannelBoards;
import dev.livescoreboard.gateway.board.Transport;
import dev.livescoreboard.gateway.http.HttpResponses;
import dev.livescoreboard.gateway.http.RequestDeadline;
import dev.livescoreboard.gateway.personal.PersonalChannels;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.timeout.IdleStateHandler;
import java.time.Duration;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an admitted request into an open stream: the response head, the {@code retry:} line, the
 * HTTP codec replaced by the channel's {@link SseStream}, and the subscription to the board, whose
 * {@code snapshot} and {@code update} events the board fan-out writes. Event loop only.
 */
final class SseStreamStart {

  private static final Logger log = LoggerFactory.getLogger(SseStreamStart.class);

  private final BoardFeed feed;
  private final PersonalChannels personal;
  private final LiveConnections live;
  private final ChannelGroup streams;
  private final ByteBuf retry;
  private final ByteBuf keepAlive;
  private final Duration keepAliveInterval;

  SseStreamStart(
      BoardFeed feed,
      PersonalChannels personal,
      LiveConnections live,
      ChannelGroup streams,
      ByteBuf retry,
      ByteBuf keepAlive,
      Duration keepAliveInterval) {
    this.feed = feed;
    this.personal = personal;
    this.live = live;
    this.streams = streams;
    this.retry = retry;
    this.keepAlive = keepAlive;
    this.keepAliveInterval = keepAliveInterval;
  }

  void start(
      ChannelHandlerContext ctx,
      String board,
      Principal principal,
      String corsOrigin,
      OptionalLong lastSeq) {
    Channel channel = ctx.channel();
    channel.attr(SseEndpoint.PRINCIPAL).set(principal);
    // Close-delimited: the body ends when the connection does, so the codec frames nothing and
    // the shared event bytes go to the socket as they are, as WebSocket frames do.
    HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
    head.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream");
    head.headers().set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE);
    // Proxies that buffer responses (nginx) would hold events back.
    head.headers().set("X-Accel-Buffering", "no");
    if (corsOrigin != null) {
      head.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, corsOrigin);
      head.headers().add(HttpHeaderNames.VARY, HttpHeaderNames.ORIGIN);
    }
    HttpResponses.secure(head.headers());
    HttpUtil.setKeepAlive(head, false);
    // Encoded as it is written, so the codec can go right after.
    ctx.write(head, channel.voidPromise());
    ctx.write(retry.duplicate(), channel.voidPromise());
    ChannelPipeline pipeline = channel.pipeline();
    // Readers send nothing after the request, so no read timeout or request deadline applies;
    // keep-alives find dead peers when their writes fail, and the drain deadline readers that stop
    // reading.
    if (pipeline.get(IdleStateHandler.class) != null) {
      pipeline.remove(IdleStateHandler.class);
    }
    RequestDeadline.removeFrom(pipeline);
    pipeline.replace(
        HttpServerCodec.class,
        "sse-stream",
        new SseStream(feed, keepAlive, keepAliveInterval, principal.expiresAt()));
    streams.add(channel);
    if (!principal.isAnonymous()) {
      SsePersonalChannel.register(personal, principal.userId(), board, channel);
      // A stream has no close code: it just ends, and the reader's reconnect with the revoked
      // token is refused with 401.
      live.register(channel, principal, channel::close);
    }
    ChannelBoards.of(channel, Transport.SSE);
    feed.subscribe(channel, board, lastSeq)
        .addListener(
            done -> {
              if (!done.isSuccess()) {
                // The stream stays open and gets the board's state with its next change or
                // refresh, as a WebSocket subscriber does.
                log.info(
                    "Stream of {} opened without a snapshot: {}", board, done.cause().toString());
              }
            });
    channel.flush();
  }
}
