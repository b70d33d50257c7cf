package dev.livescoreboard.bench.ws;

import dev.livescoreboard.bench.http.WallClock;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.util.AttributeKey;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * Clients that subscribe like the others, read their {@code SNAPSHOT} and then stop reading (auto
 * read off) until {@link #resume}, after the measured window: the gateway's socket to them fills
 * up, so its channel becomes not writable and conflation (or, without it, an ever longer write
 * queue) sets in. They pause right after the SNAPSHOT rather than at the window's start because a
 * connection that has been read from grows its congestion window and with it the kernel's send
 * buffer (hundreds of KB), which would absorb a whole window's updates. For the same reason they
 * advertise an internet-sized MSS ({@link WsClientGroup#advertiseMss}), else the kernel would
 * buffer megabytes for each of them first. They still write an unsolicited pong now and then,
 * because the gateway closes a connection it has read nothing from for two heartbeats: what is
 * measured is a client that cannot keep up, not one that is gone. Their frames never reach the
 * normal clients' recorder.
 */
final class SlowClients implements FrameListener, AutoCloseable {

  /** Well inside the gateway's idle close (two 30 s heartbeats). */
  private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

  private static final AttributeKey<State> STATE = AttributeKey.valueOf("bench.slow-client");

  /** A typical Ethernet MSS with TCP timestamps. */
  private static final int INTERNET_MSS = 1448;

  private final Set<Channel> paused = ConcurrentHashMap.newKeySet();
  private final LongAdder caughtUp = new LongAdder();
  private final LongAdder framesAfterResume = new LongAdder();
  private final LongAdder catchUpSum = new LongAdder();
  private final LongAccumulator catchUpMax = new LongAccumulator(Math::max, 0);
  private final WsClientGroup group;
  private int requested;
  private int connected;
  private volatile boolean resumed;
  private volatile long targetSeq = Long.MAX_VALUE;
  private volatile long resumedAtMicros;

  SlowClients(URI wsUri, InetAddress source, int threads) {
    this.group = new WsClientGroup(wsUri, source, threads, this);
    group.advertiseMss(INTERNET_MSS);
  }

  /** Connects {@code count} slow clients; returns how many completed the handshake. */
  int connect(int count, Duration timeout) throws InterruptedException {
    requested = count;
    connected = count == 0 ? 0 : group.connect(count, timeout);
    return connected;
  }

  @Override
  public void onText(Channel channel, ByteBuf json, long receivedMicros) {
    FrameHeader header = FrameHeader.parse(json).orElse(null);
    if (header == null || !header.carriesState()) {
      return;
    }
    State state = state(channel);
    state.maxSeq = Math.max(state.maxSeq, header.seq());
    if (FrameHeader.SNAPSHOT.equals(header.type())) {
      pause(channel);
    }
    if (resumed) {
      framesAfterResume.increment();
      caughtUpIfLatest(state, receivedMicros - resumedAtMicros);
    }
  }

  /** Called on the channel's event loop. */
  private void pause(Channel channel) {
    State state = state(channel);
    if (resumed || !channel.isActive() || state.keepAlive != null) {
      return;
    }
    channel.config().setAutoRead(false);
    state.keepAlive =
        channel
            .eventLoop()
            .scheduleAtFixedRate(
                () -> channel.writeAndFlush(new PongWebSocketFrame()),
                KEEP_ALIVE.toMillis(),
                KEEP_ALIVE.toMillis(),
                TimeUnit.MILLISECONDS);
    channel.closeFuture().addListener(f -> state.keepAlive.cancel(false));
    paused.add(channel);
  }

  /**
   * Lets every paused client read again and waits until each has the {@code latestSeq} (or {@code
   * timeout} passed).
   */
  SlowClientResults resume(long latestSeq, Duration timeout) throws InterruptedException {
    targetSeq = latestSeq;
    resumedAtMicros = WallClock.micros();
    resumed = true;
    List<Channel> open = paused.stream().filter(Channel::isActive).toList();
    for (Channel channel : open) {
      // On the channel's loop, so it never races with a frame being handled there.
      channel
          .eventLoop()
          .execute(
              () -> {
                State state = channel.attr(STATE).get();
                state.keepAlive.cancel(false);
                caughtUpIfLatest(state, 0);
                channel.config().setAutoRead(true);
              });
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    while (caughtUp.sum() < open.size() && System.nanoTime() < deadline) {
      TimeUnit.MILLISECONDS.sleep(50);
    }
    return new SlowClientResults(
        requested,
        connected,
        paused.size(),
        open.size(),
        caughtUp.sum(),
        framesAfterResume.sum(),
        catchUpSum.sum(),
        catchUpMax.get(),
        latestSeq);
  }

  private static State state(Channel channel) {
    State state = channel.attr(STATE).get();
    if (state == null) {
      state = new State();
      channel.attr(STATE).set(state);
    }
    return state;
  }

  private void caughtUpIfLatest(State state, long sinceResumeMicros) {
    if (!state.caughtUp && state.maxSeq >= targetSeq) {
      state.caughtUp = true;
      caughtUp.increment();
      catchUpSum.add(sinceResumeMicros);
      catchUpMax.accumulate(sinceResumeMicros);
    }
  }

  @Override
  public void close() {
    group.close();
  }

  /** One slow client's progress; touched only on its channel's event loop. */
  private static final class State {
    long maxSeq = -1;
    boolean caughtUp;
    ScheduledFuture<?> keepAlive;
  }
}
