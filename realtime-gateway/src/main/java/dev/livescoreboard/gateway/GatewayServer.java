package dev.livescoreboard.gateway;

import dev.livescoreboard.auth.AccessTokenVerifier;
import dev.livescoreboard.auth.revocation.LocalDenylist;
import dev.livescoreboard.auth.revocation.RevocationFeed;
import dev.livescoreboard.auth.revocation.RevocationKeys;
import dev.livescoreboard.auth.revocation.RevocationList;
import dev.livescoreboard.auth.revocation.RevocationStore;
import dev.livescoreboard.events.LeaderboardKeys;
import dev.livescoreboard.events.RanksChanged;
import dev.livescoreboard.events.TopNChanged;
import dev.livescoreboard.gateway.auth.FailOpenRevocations;
import dev.livescoreboard.gateway.auth.LiveConnections;
import dev.livescoreboard.gateway.auth.TokenAuthenticator;
import dev.livescoreboard.gateway.blocking.BlockingExecutor;
import dev.livescoreboard.gateway.board.BoardFeed;
import dev.livescoreboard.gateway.board.BoardSnapshots;
import dev.livescoreboard.gateway.config.GatewaySettings;
import dev.livescoreboard.gateway.http.HttpFrontEnd;
import dev.livescoreboard.gateway.metrics.GatewayMetrics;
import dev.livescoreboard.gateway.personal.PersonalChannels;
import dev.livescoreboard.gateway.redis.BoardMessageSubscriber;
import dev.livescoreboard.gateway.redis.RedisBoardCatalog;
import dev.livescoreboard.gateway.redis.RedisConnections;
import dev.livescoreboard.gateway.redis.RedisLeaderboardStore;
import dev.livescoreboard.gateway.redis.RedisRankReads;
import dev.livescoreboard.gateway.registry.BoardRegistry;
import dev.livescoreboard.gateway.sse.SseEndpoint;
import dev.livescoreboard.gateway.websocket.ClientMessageHandler;
import dev.livescoreboard.gateway.websocket.ConnectionLimiter;
import dev.livescoreboard.gateway.websocket.Subscriptions;
import dev.livescoreboard.gateway.websocket.WebSocketSessionHandler;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.RedisClient;

/**
 * The running gateway: wires the parts, binds the port, and shuts everything down in reverse order.
 * {@link #close()} is idempotent and safe from any thread (e.g. a shutdown hook).
 */
public final class GatewayServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(GatewayServer.class);
  private static final int ACCEPT_BACKLOG = 1024;

  private final GatewayMetrics metrics = new GatewayMetrics();
  private final ChannelGroup connections =
      new DefaultChannelGroup("websockets", GlobalEventExecutor.INSTANCE);
  private final ChannelGroup streams =
      new DefaultChannelGroup("sse-streams", GlobalEventExecutor.INSTANCE);
  private final AtomicBoolean closed = new AtomicBoolean();
  private final BlockingExecutor blocking;
  private final RedisClient redis;
  private final BoardMessageSubscriber<TopNChanged> subscriber;
  private final BoardMessageSubscriber<RanksChanged> rankSubscriber;
  private final AccessTokenVerifier tokens;
  private final RevocationFeed revocationFeed;
  private final EventLoopGroup bossGroup;
  private final EventLoopGroup workerGroup;
  private Channel serverChannel;

  private GatewayServer(GatewaySettings settings) {
    blocking = BlockingExecutor.pool(settings.blockingThreads(), settings.blockingQueue());
    redis = RedisConnections.open(settings.redisUrl());
    boolean epoll = Epoll.isAvailable();
    IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    Class<? extends ServerChannel> channelType =
        epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    bossGroup = new MultiThreadIoEventLoopGroup(1, io);
    workerGroup = new MultiThreadIoEventLoopGroup(settings.ioThreads(), io);
    LeaderboardKeys keys = new LeaderboardKeys(settings.redisKeyPrefix());
    RedisLeaderboardStore store = new RedisLeaderboardStore(redis, keys);
    // Throttled broadcasts run on the worker loops, each board on one of them.
    BoardFeed feed =
        new BoardFeed(
            new BoardSnapshots(),
            store,
            blocking,
            metrics.delivered(),
            metrics.conflated(),
            settings.broadcastInterval(),
            workerGroup,
            metrics);
    subscriber =
        BoardMessageSubscriber.topChanged(
            redis,
            keys.topChangedChannel(),
            feed::onTopChanged,
            () -> blocking.execute(feed::refreshAll),
            metrics.malformedChanges());
    PersonalChannels personal =
        new PersonalChannels(metrics.personalPushed(), metrics.personalDropped());
    rankSubscriber =
        BoardMessageSubscriber.rankChanged(
            redis, keys.rankChangedChannel(), personal::deliver, metrics.malformedRankChanges());
    metrics.bindConnections(connections::size);
    metrics.bindSseStreams(streams::size);
    metrics.bindPersonalUsers(personal::users);
    BoardRegistry registry = new BoardRegistry(new RedisBoardCatalog(redis, keys), blocking);
    try {
      registry.refresh();
    } catch (RuntimeException e) {
      log.warn("Board registry not loaded at startup, retrying: {}", e.toString());
    }
    registry.start(workerGroup.next());
    Subscriptions subscriptions =
        new Subscriptions(feed, registry, settings.maxSubscriptionsPerConnection());
    // One authenticator (shared-auth's verifier and revocation list) for WebSocket admission, SSE
    // streams and the HTTP /me reads; the feed closes the open connections of each token it
    // learns is revoked.
    Clock clock = Clock.systemUTC();
    tokens = new AccessTokenVerifier(settings.accessTokens());
    RevocationKeys revocationKeys = new RevocationKeys(settings.redisKeyPrefix());
    LocalDenylist denylist = new LocalDenylist(clock);
    LiveConnections live = new LiveConnections(denylist);
    revocationFeed = new RevocationFeed(redis, revocationKeys, denylist, clock, live::revoked);
    TokenAuthenticator verifier =
        new TokenAuthenticator(
            tokens,
            new FailOpenRevocations(
                new RevocationList(
                    denylist, revocationFeed, new RevocationStore(redis, revocationKeys)),
                metrics,
                clock));
    GatewayInitializer initializer =
        new GatewayInitializer(
            settings,
            verifier,
            blocking,
            new ConnectionLimiter(settings.maxConnectionsPerUser()),
            metrics,
            new HttpFrontEnd(
                settings,
                feed,
                store,
                new RedisRankReads(redis, keys),
                verifier,
                blocking,
                metrics,
                subscriber::isSubscribed,
                registry),
            new WebSocketSessionHandler(
                subscriptions, connections, live, settings.heartbeat(), personal),
            new ClientMessageHandler(subscriptions),
            new SseEndpoint(
                settings, feed, personal, registry, live, verifier, blocking, metrics, streams));
    subscriber.start();
    rankSubscriber.start();
    revocationFeed.start();
    try {
      serverChannel =
          new ServerBootstrap()
              .group(bossGroup, workerGroup)
              .channel(channelType)
              .option(ChannelOption.SO_BACKLOG, ACCEPT_BACKLOG)
              .childOption(ChannelOption.TCP_NODELAY, true)
              .childOption(
                  ChannelOption.WRITE_BUFFER_WATER_MARK,
                  new WriteBufferWaterMark(
                      settings.writeBufferLowBytes(), settings.writeBufferHighBytes()))
              .childHandler(initializer)
              .bind(new InetSocketAddress(settings.bindAddress(), settings.port()))
              .syncUninterruptibly()
              .channel();
    } catch (RuntimeException e) {
      close();
      throw e;
    }
    log.info("Gateway listening on {} ({})", serverChannel.localAddress(), epoll ? "epoll" : "nio");
  }

  /** Starts a gateway; it runs until {@link #close()}. */
  public static GatewayServer start(GatewaySettings settings) {
    return new GatewayServer(settings);
  }

  /** The bound port (useful when the settings asked for port 0). */
  public int port() {
    return ((InetSocketAddress) serverChannel.localAddress()).getPort();
  }

  /** Blocks until the server socket is closed. */
  public void awaitClose() {
    serverChannel.closeFuture().syncUninterruptibly();
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      if (serverChannel != null) {
        serverChannel.close().syncUninterruptibly();
      }
      // Clients reconnect (with back-off) to another gateway or to this one after a restart.
      connections
          .writeAndFlush(
              new CloseWebSocketFrame(WebSocketCloseStatus.ENDPOINT_UNAVAILABLE, "server restart"))
          .awaitUninterruptibly(1, TimeUnit.SECONDS);
      connections.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
      // Readers reconnect after their retry delay, as WebSocket clients do.
      streams.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
      subscriber.close();
      rankSubscriber.close();
      revocationFeed.close();
    } finally {
      bossGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
      workerGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
      blocking.close();
      tokens.close();
      redis.close();
      metrics.close();
      log.info("Gateway stopped");
    }
  }
}
