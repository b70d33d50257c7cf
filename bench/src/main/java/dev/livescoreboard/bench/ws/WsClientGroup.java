package dev.livescoreboard.bench.ws;

import dev.livescoreboard.bench.http.NettyTransport;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.unix.IntegerUnixChannelOption;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Many WebSocket clients of one process, subscribed through {@code /ws?board=…} and feeding one
 * {@link FrameListener}. Small socket buffers keep tens of thousands of idle clients cheap; each
 * client binds to {@code source} so several processes can use different 127.0.0.x addresses and
 * never run out of ephemeral ports.
 */
final class WsClientGroup implements AutoCloseable {

  /** Handshakes in flight at once: keeps the gateway's accept backlog from overflowing. */
  private static final int PARALLEL_HANDSHAKES = 200;

  /** {@code setsockopt} level and option name of TCP_MAXSEG on Linux ({@code netinet/tcp.h}). */
  private static final int IPPROTO_TCP = 6;

  private static final int TCP_MAXSEG = 2;

  private final EventLoopGroup group;
  private final Bootstrap bootstrap;
  private final ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
  private final LongAdder disconnects = new LongAdder();

  WsClientGroup(URI wsUri, InetAddress source, int threads, FrameListener listener) {
    this.group = NettyTransport.group(threads);
    WebSocketClientProtocolConfig config =
        WebSocketClientProtocolConfig.newBuilder()
            .webSocketUri(wsUri)
            .version(WebSocketVersion.V13)
            .generateOriginHeader(false)
            .maxFramePayloadLength(1 << 16)
            // The servers measured send valid UTF-8; checking every byte of every frame would be
            // load-generator CPU that the broadcast waits for.
            .withUTF8Validator(false)
            .handshakeTimeoutMillis(15_000)
            .build();
    this.bootstrap =
        new Bootstrap()
            .group(group)
            .channel(NettyTransport.socketChannel())
            .remoteAddress(wsUri.getHost(), wsUri.getPort())
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.SO_RCVBUF, 16 * 1024)
            .option(ChannelOption.SO_SNDBUF, 4 * 1024)
            .option(
                ChannelOption.RCVBUF_ALLOCATOR,
                new AdaptiveRecvByteBufAllocator(64, 1024, 16 * 1024))
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 15_000)
            .handler(
                new ChannelInitializer<Channel>() {
                  @Override
                  protected void initChannel(Channel ch) {
                    ch.pipeline()
                        .addLast(new HttpClientCodec(4096, 8192, 8192))
                        .addLast(new HttpObjectAggregator(8192))
                        .addLast(new WebSocketClientProtocolHandler(config))
                        .addLast(new ClientFrameHandler(listener, disconnects));
                  }
                });
    if (source != null) {
      bootstrap.localAddress(new InetSocketAddress(source, 0));
    }
  }

  /**
   * Advertises {@code bytes} as these clients' TCP maximum segment size (native transport only;
   * call before {@link #connect}). Over loopback the MSS is 64 KB, from which the kernel sizes the
   * server's send buffer of each connection at megabytes, so a client that stops reading would push
   * back on the server only after minutes; with an internet-sized MSS the server's socket fills as
   * it would for a real client.
   */
  void advertiseMss(int bytes) {
    if (Epoll.isAvailable()) {
      bootstrap.option(new IntegerUnixChannelOption("TCP_MAXSEG", IPPROTO_TCP, TCP_MAXSEG), bytes);
    }
  }

  /** Connects {@code count} clients; returns how many completed the handshake in time. */
  int connect(int count, Duration timeout) throws InterruptedException {
    Semaphore slots = new Semaphore(PARALLEL_HANDSHAKES);
    AtomicInteger connected = new AtomicInteger();
    long deadline = System.nanoTime() + timeout.toNanos();
    for (int i = 0; i < count; i++) {
      if (!slots.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
        break;
      }
      bootstrap
          .connect()
          .addListener(
              (io.netty.channel.ChannelFuture f) -> {
                if (!f.isSuccess()) {
                  slots.release();
                  return;
                }
                f.channel()
                    .pipeline()
                    .get(ClientFrameHandler.class)
                    .handshake()
                    .addListener(
                        h -> {
                          if (h.isSuccess()) {
                            channels.add(f.channel());
                            connected.incrementAndGet();
                          } else {
                            f.channel().close();
                          }
                          slots.release();
                        });
              });
    }
    slots.tryAcquire(
        PARALLEL_HANDSHAKES, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    return connected.get();
  }

  int open() {
    return channels.size();
  }

  long disconnects() {
    return disconnects.sum();
  }

  @Override
  public void close() {
    channels.close().awaitUninterruptibly(10, TimeUnit.SECONDS);
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
  }
}
