package dev.livescoreboard.gateway.board;

import static dev.livescoreboard.gateway.board.Tops.top;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.livescoreboard.events.EventJson;
import dev.livescoreboard.events.TopNChanged;
import dev.livescoreboard.gateway.blocking.BlockingExecutor;
import dev.livescoreboard.gateway.http.NettyLeaks;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.local.LocalAddress;
import io.netty.channel.local.LocalChannel;
import io.netty.channel.local.LocalIoHandler;
import io.netty.channel.local.LocalServerChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameEncoder;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.util.concurrent.EventExecutorGroup;
import io.netty.util.concurrent.ImmediateEventExecutor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Broadcasts over real channels on two server event loops (in-VM transport), each server channel
 * with Netty's frame encoder as in the gateway, each client with Netty's frame decoder.
 */
class EventLoopFanOutTest {

  private static final int SLOW = 1;
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final NettyLeaks leaks = new NettyLeaks();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final Counter delivered = registry.counter("delivered");
  private final Counter conflated = registry.counter("conflated");
  private final EventLoopGroup acceptor = group(1);
  private final EventLoopGroup serverLoops = group(2);
  private final EventLoopGroup clientLoop = group(1);
  private final BlockingQueue<Channel> accepted = new LinkedBlockingQueue<>();
  private final LocalAddress address = new LocalAddress("fan-out-" + UUID.randomUUID());
  private final List<Channel> channels = new ArrayList<>();
  private final RegistryBoardMeters meters = new RegistryBoardMeters(registry);
  private BoardFeed feed;
  // Runs on a server loop before each write of the feed; a test may hold that loop here.
  private volatile WriteHold holdWrites = channel -> {};

  private interface WriteHold {
    void before(Channel channel) throws InterruptedException;
  }

  @AfterEach
  void stop() {
    // Both ends closed while every loop still runs, so neither end notifies a terminated loop.
    channels.forEach(channel -> channel.close().syncUninterruptibly());
    channels.forEach(channel -> channel.closeFuture().syncUninterruptibly());
    for (EventLoopGroup group : List.of(clientLoop, serverLoops, acceptor)) {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
    assertThat(leaks.reported()).as("buffers leaked").isEmpty();
    leaks.close();
  }

  @Test
  void broadcastReachesWritableSubscribersOnBothLoopsAndMarksSlowOnesOwed() throws Exception {
    start();
    List<Subscriber> subscribers = List.of(connect(), connect(), connect(), connect());
    assertThat(subscribers.stream().map(s -> s.server().eventLoop()).distinct()).hasSize(2);
    Subscriber slow = subscribers.get(0);
    writable(slow, false);

    feed.onTopChanged(top("global", "all-time", 2, "b"));
    feed.onTopChanged(top("global", "all-time", 3, "c"));

    for (Subscriber fast : subscribers.subList(1, 4)) {
      assertThat(seq(fast.next())).isEqualTo(2);
      assertThat(seq(fast.next())).isEqualTo(3);
    }
    await().atMost(WAIT).until(() -> conflated.count() == 2 && delivered.count() == 6);
    assertThat(onLoop(slow, () -> ChannelBoards.of(slow.server()).hasMissed())).isTrue();
    assertThat(slow.received().poll()).as("nothing while slow").isNull();

    writable(slow, true);

    JsonNode caughtUp = slow.next();
    assertThat(caughtUp.path("type").asString()).isEqualTo("LEADERBOARD_UPDATE");
    assertThat(seq(caughtUp)).as("only the latest state").isEqualTo(3);
    feed.onTopChanged(top("global", "all-time", 4, "d"));
    for (Subscriber subscriber : subscribers) {
      assertThat(seq(subscriber.next())).isEqualTo(4);
    }
  }

  @Test
  void everySubscriberIsSentTheStatesUpdateMessage() throws Exception {
    start();
    Subscriber first = connect();
    Subscriber second = connect();

    feed.onTopChanged(top("global", "all-time", 2, "b", "a"));

    JsonNode expected =
        Tops.json(
            BoardState.of(top("global", "all-time", 2, "b", "a")).updateWire(Transport.WEBSOCKET));
    JsonNode toFirst = first.next();
    assertThat(second.next()).as("the same bytes, send time included").isEqualTo(toFirst);
    assertThat(withoutSentAt(toFirst)).isEqualTo(withoutSentAt(expected));
  }

  /** The message apart from its send time, which is another for each state. */
  private static JsonNode withoutSentAt(JsonNode message) {
    ObjectNode copy = (ObjectNode) message.deepCopy();
    copy.remove("sentAt");
    return copy;
  }

  @Test
  void aBroadcastIsTimedOnceBothLoopsWroteItWithTheCommitTimeOnlyOfATracedState() throws Exception {
    start();
    List<Subscriber> subscribers = List.of(connect(), connect());
    assertThat(subscribers.stream().map(s -> s.server().eventLoop()).distinct()).hasSize(2);
    String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    TopNChanged traced = Tops.traced(top("global", "all-time", 2, "b"), traceId);

    feed.onTopChanged(traced);

    for (Subscriber subscriber : subscribers) {
      JsonNode update = subscriber.next();
      assertThat(update.path("traceId").asString()).isEqualTo(traceId);
      assertThat(update.path("sourceCommittedAt").asString())
          .isEqualTo(traced.sourceCommittedAt().toString());
    }
    await().atMost(WAIT).until(() -> meters.broadcastsWritten().size() == 1);
    assertThat(meters.broadcastsWritten()).containsExactly(traced.sourceCommittedAt());

    // A state no traced score change caused is timed, but has no end-to-end latency.
    feed.onTopChanged(top("global", "all-time", 3, "c"));

    for (Subscriber subscriber : subscribers) {
      assertThat(subscriber.next().path("traceId").isNull()).isTrue();
    }
    await().atMost(WAIT).until(() -> meters.broadcastsWritten().size() == 2);
    assertThat(meters.broadcastsWritten().get(1)).isEqualTo(Instant.EPOCH);
  }

  /**
   * The loop that runs a broadcast queues the other loop's part before writing its own: its own
   * subscriber's write is held until the other loop's subscriber has the update, which could never
   * happen if the other loop's task were queued only after the own loop's writes.
   */
  @Test
  void aBroadcastReachesTheOtherLoopWhileItsOwnLoopIsStillWriting() throws Exception {
    EventLoop broadcastLoop = serverLoops.next();
    start(broadcastLoop);
    List<Subscriber> subscribers = List.of(connect(), connect());
    Subscriber own =
        subscribers.stream().filter(s -> s.server().eventLoop() == broadcastLoop).findFirst().get();
    Subscriber other = subscribers.get(subscribers.indexOf(own) == 0 ? 1 : 0);
    assertThat(other.server().eventLoop()).isNotSameAs(broadcastLoop);
    AtomicBoolean otherHadIt = new AtomicBoolean();
    holdWrites =
        channel -> {
          if (channel == own.server()) {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (other.received().isEmpty() && System.nanoTime() < deadline) {
              TimeUnit.MILLISECONDS.sleep(5);
            }
            otherHadIt.set(!other.received().isEmpty());
          }
        };

    feed.onTopChanged(top("global", "all-time", 2, "b"));

    assertThat(seq(own.next())).isEqualTo(2);
    assertThat(seq(other.next())).isEqualTo(2);
    assertThat(otherHadIt)
        .as("the other loop wrote while the broadcast's own loop was held")
        .isTrue();
  }

  private void start() {
    start(ImmediateEventExecutor.INSTANCE);
  }

  /** Starts the feed with its broadcasts on {@code broadcastLoops}. */
  private void start(EventExecutorGroup broadcastLoops) {
    feed =
        new BoardFeed(
            new BoardSnapshots(),
            new InMemoryLeaderboardStore().put(top("global", "all-time", 1, "a")),
            new BlockingExecutor(Runnable::run),
            delivered,
            conflated,
            Duration.ZERO,
            broadcastLoops,
            meters);
    ChannelInitializer<LocalChannel> pipeline =
        new ChannelInitializer<>() {
          @Override
          protected void initChannel(LocalChannel channel) {
            channel.pipeline().addLast(new FlushConsolidationHandler(256, false));
            channel.pipeline().addLast(new WebSocket13FrameEncoder(false));
            channel
                .pipeline()
                .addLast(
                    new ChannelOutboundHandlerAdapter() {
                      @Override
                      public void write(
                          ChannelHandlerContext ctx, Object msg, ChannelPromise promise)
                          throws Exception {
                        holdWrites.before(ctx.channel());
                        ctx.write(msg, promise);
                      }
                    });
            channel
                .pipeline()
                .addLast(
                    new ChannelInboundHandlerAdapter() {
                      @Override
                      public void channelWritabilityChanged(ChannelHandlerContext ctx) {
                        feed.writable(ctx.channel());
                      }
                    });
            accepted.add(channel);
          }
        };
    channels.add(
        new ServerBootstrap()
            .group(acceptor, serverLoops)
            .channel(LocalServerChannel.class)
            .childHandler(pipeline)
            .bind(address)
            .syncUninterruptibly()
            .channel());
  }

  /** A client connection whose server side is subscribed to the board and got its SNAPSHOT. */
  private Subscriber connect() throws Exception {
    BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    Channel client =
        new Bootstrap()
            .group(clientLoop)
            .channel(LocalChannel.class)
            .handler(
                new ChannelInitializer<LocalChannel>() {
                  @Override
                  protected void initChannel(LocalChannel channel) {
                    channel.pipeline().addLast(new WebSocket13FrameDecoder(false, false, 1 << 20));
                    channel
                        .pipeline()
                        .addLast(
                            new SimpleChannelInboundHandler<TextWebSocketFrame>() {
                              @Override
                              protected void channelRead0(
                                  ChannelHandlerContext ctx, TextWebSocketFrame frame) {
                                received.add(EventJson.fromJson(frame.text(), JsonNode.class));
                              }
                            });
                  }
                })
            .connect(address)
            .syncUninterruptibly()
            .channel();
    channels.add(client);
    Channel server = accepted.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
    channels.add(server);
    Subscriber subscriber = new Subscriber(server, received);
    onLoop(subscriber, () -> feed.subscribe(server, "global"));
    assertThat(subscriber.next().path("type").asString()).isEqualTo("SNAPSHOT");
    return subscriber;
  }

  private static void writable(Subscriber subscriber, boolean writable) throws Exception {
    Channel server = subscriber.server();
    onLoop(
        subscriber,
        () -> {
          server.unsafe().outboundBuffer().setUserDefinedWritability(SLOW, writable);
          return null;
        });
  }

  private static <T> T onLoop(Subscriber subscriber, java.util.concurrent.Callable<T> work)
      throws Exception {
    return subscriber.server().eventLoop().submit(work).get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  private static long seq(JsonNode message) {
    assertThat(message.path("type").asString()).isEqualTo("LEADERBOARD_UPDATE");
    return message.path("seq").asLong();
  }

  private static EventLoopGroup group(int threads) {
    return new MultiThreadIoEventLoopGroup(threads, LocalIoHandler.newFactory());
  }

  private record Subscriber(Channel server, BlockingQueue<JsonNode> received) {
    JsonNode next() throws InterruptedException {
      JsonNode message = received.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
      assertThat(message).as("a message within " + WAIT).isNotNull();
      return message;
    }
  }
}
