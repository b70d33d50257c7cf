package dev.livescoreboard.bench.ceiling;

import dev.livescoreboard.bench.http.NettyTransport;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The bare fan-out ceiling's server: the least a Netty WebSocket server must do to send one text
 * frame to every client. It accepts WebSocket connections on {@code /ws} (any query), keeps each in
 * a list of its event loop, and {@link #broadcast broadcasts} by encoding the frame once and
 * queueing one task per event loop that writes a {@code duplicate()} of it to each of the loop's
 * channels with {@code voidPromise()}, then flushes each. No subscriptions, writability checks,
 * throttle, heartbeat or per-channel state: what the gateway does beyond this is what the ratio of
 * the two broadcast times shows.
 */
public final class FanOutServer implements AutoCloseable {

  /** The WebSocket endpoint, the same path as the gateway's. */
  public static final String PATH = "/ws";

  private final EventLoopGroup boss = NettyTransport.group(1);
  private final EventLoopGroup workers;
  private final Map<EventLoop, List<Channel>> byLoop = new ConcurrentHashMap<>();
  private final Channel server;

  /**
   * @param threads event loops serving the connections (the gateway's count)
   */
  public FanOutServer(int threads) throws InterruptedException {
    this.workers = NettyTransport.group(threads);
    WebSocketServerProtocolConfig config =
        WebSocketServerProtocolConfig.newBuilder()
            .websocketPath(PATH)
            .checkStartsWith(true)
            .build();
    Registry registry = new Registry();
    this.server =
        new ServerBootstrap()
            .group(boss, workers)
            .channel(NettyTransport.serverChannel())
            .option(ChannelOption.SO_BACKLOG, 1024)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(
                new ChannelInitializer<Channel>() {
                  @Override
                  protected void initChannel(Channel ch) {
                    ch.pipeline()
                        .addLast(new HttpServerCodec())
                        .addLast(new HttpObjectAggregator(8192))
                        .addLast(new WebSocketServerProtocolHandler(config))
                        .addLast(registry);
                  }
                })
            .bind("127.0.0.1", 0)
            .sync()
            .channel();
  }

  public int port() {
    return ((InetSocketAddress) server.localAddress()).getPort();
  }

  /** Sends {@code json} as one text frame to every client. Any thread; returns at once. */
  public void broadcast(byte[] json) {
    ByteBuf frame = textFrame(json);
    for (Map.Entry<EventLoop, List<Channel>> loop : byLoop.entrySet()) {
      List<Channel> channels = loop.getValue();
      loop.getKey().execute(() -> writeAll(frame, channels));
    }
  }

  /** On the channels' loop, the only one that changes their list. */
  private static void writeAll(ByteBuf frame, List<Channel> channels) {
    Channel[] members = channels.toArray(new Channel[0]);
    for (Channel channel : members) {
      channel.write(frame.duplicate(), channel.voidPromise());
    }
    for (Channel channel : members) {
      channel.flush();
    }
  }

  /**
   * One unmasked WebSocket text frame (RFC 6455 §5.2: FIN and opcode 1, the payload length in 7,
   * 7+16 or 7+64 bits), in direct memory and unreleasable so every channel can be written a
   * duplicate of it.
   */
  static ByteBuf textFrame(byte[] payload) {
    int length = payload.length;
    ByteBuf frame = Unpooled.directBuffer(length + 10);
    frame.writeByte(0x81);
    if (length < 126) {
      frame.writeByte(length);
    } else if (length <= 0xFFFF) {
      frame.writeByte(126).writeShort(length);
    } else {
      frame.writeByte(127).writeLong(length);
    }
    return Unpooled.unreleasableBuffer(frame.writeBytes(payload));
  }

  @Override
  public void close() {
    server.close().awaitUninterruptibly();
    workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
    boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
  }

  /** Adds a channel to its loop's list once upgraded, removes it when closed. */
  @ChannelHandler.Sharable
  private final class Registry extends ChannelInboundHandlerAdapter {

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
      if (evt instanceof HandshakeComplete) {
        byLoop
            .computeIfAbsent(ctx.channel().eventLoop(), l -> new ArrayList<>())
            .add(ctx.channel());
      }
      ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      List<Channel> channels = byLoop.get(ctx.channel().eventLoop());
      if (channels != null) {
        channels.remove(ctx.channel());
      }
      ctx.fireChannelInactive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      io.netty.util.ReferenceCountUtil.release(msg); // the clients send nothing that matters
    }
  }
}
