package dev.livescoreboard.gateway.http;

import dev.livescoreboard.events.ErrorCode;
import dev.livescoreboard.gateway.metrics.GatewayMetrics;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.LastHttpContent;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The request phase's deadline, against slowloris: a request must arrive whole, head and body,
 * within the request timeout of its first byte, however slowly the bytes trickle in. Otherwise the
 * connection is answered {@code 408 REQUEST_TIMEOUT} and closed, or only closed while an earlier
 * request of it is still unanswered (a 408 would overtake that answer). Netty has no such deadline:
 * its idle handlers restart with every byte.
 *
 * <p>Two handlers share one instance's state: {@link #start()} in front of the HTTP codec sees a
 * request's first bytes, {@link #end()} behind it sees the decoded request end and the responses.
 * Time between requests of a kept-alive connection is not counted (the idle close governs it). The
 * deadline covers the request phase only: once a connection becomes a WebSocket or an SSE stream,
 * {@link #removeFrom} takes both handlers out (those sessions are long-lived and have their own
 * heartbeat). One instance per connection, on its event loop. Like Netty's {@code IdleStateHandler}
 * it costs a clock read per request, not a timer: at most one check is scheduled per connection and
 * timeout.
 */
public final class RequestDeadline {

  static final String START = "request-start";
  static final String END = "request-end";

  private final long timeoutNanos;
  private final GatewayMetrics metrics;
  private final Start start = new Start();
  private final End end = new End();

  /** Whether part of a request has arrived and not yet its end. */
  private boolean reading;

  private long readingSince;

  /** Requests received whole whose final response has not been written yet. */
  private int unanswered;

  private ScheduledFuture<?> check;

  RequestDeadline(Duration timeout, GatewayMetrics metrics) {
    this.timeoutNanos = timeout.toNanos();
    this.metrics = metrics;
  }

  /** The handler in front of the codec. */
  ChannelInboundHandlerAdapter start() {
    return start;
  }

  /** The handler right behind the codec. */
  ChannelDuplexHandler end() {
    return end;
  }

  /** Ends the request phase: the connection is a WebSocket or an SSE stream from now on. */
  public static void removeFrom(ChannelPipeline pipeline) {
    if (pipeline.get(START) != null) {
      pipeline.remove(START);
    }
    if (pipeline.get(END) != null) {
      pipeline.remove(END);
    }
  }

  private void scheduleCheck(ChannelHandlerContext ctx, long delayNanos) {
    check = ctx.executor().schedule(() -> check(ctx), delayNanos, TimeUnit.NANOSECONDS);
  }

  private void check(ChannelHandlerContext ctx) {
    check = null;
    if (!reading || !ctx.channel().isActive()) {
      return;
    }
    long left = readingSince + timeoutNanos - System.nanoTime();
    if (left > 0) {
      scheduleCheck(ctx, left);
      return;
    }
    reading = false;
    metrics.timedOut("request");
    if (unanswered == 0) {
      // Written behind the codec, so it is encoded like any response.
      HttpResponses.sendAndClose(
          end.ctx,
          HttpResponses.problem(
              ErrorCode.REQUEST_TIMEOUT,
              "the request did not arrive within "
                  + TimeUnit.NANOSECONDS.toSeconds(timeoutNanos)
                  + " s"));
    } else {
      ctx.close();
    }
  }

  private final class Start extends ChannelInboundHandlerAdapter {

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (!reading && msg instanceof ByteBuf bytes && bytes.isReadable()) {
        reading = true;
        readingSince = System.nanoTime();
        if (check == null) {
          scheduleCheck(ctx, timeoutNanos);
        }
      }
      ctx.fireChannelRead(msg);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
      if (check != null) {
        check.cancel(false);
        check = null;
      }
    }
  }

  private final class End extends ChannelDuplexHandler {

    private ChannelHandlerContext ctx;

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof LastHttpContent) {
        reading = false;
        unanswered++;
      }
      ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
      if (unanswered > 0 && HttpResponses.endsFinalResponse(msg)) {
        unanswered--;
      }
      ctx.write(msg, promise);
    }
  }
}
