package dev.livescoreboard.gateway.board;

import dev.livescoreboard.events.TopNChanged;
import dev.livescoreboard.gateway.blocking.BlockingExecutor;
import io.micrometer.core.instrument.Counter;
import io.netty.channel.Channel;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.EventExecutorGroup;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live boards: in-memory snapshots fed by the projector's changes, lazily loaded from the read
 * model, and fanned out to subscribed channels. See the package documentation for the threading
 * rules.
 */
public final class BoardFeed {

  private static final Logger log = LoggerFactory.getLogger(BoardFeed.class);

  private final BoardSnapshots snapshots;
  private final Delivery delivery;
  private final BoardSubscribers subscribers;
  private final LeaderboardStore store;
  private final BlockingExecutor blocking;
  private final Duration broadcastInterval;
  private final EventExecutorGroup broadcastLoops;
  private final BoardMeters meters;
  private final ConcurrentMap<String, BoardThrottle> throttles = new ConcurrentHashMap<>();

  /**
   * @param broadcastInterval least time between two broadcasts of one board; zero broadcasts every
   *     change at once
   * @param broadcastLoops event loops that run the throttled broadcasts (each board sticks to one)
   */
  public BoardFeed(
      BoardSnapshots snapshots,
      LeaderboardStore store,
      BlockingExecutor blocking,
      Counter delivered,
      Counter conflated,
      Duration broadcastInterval,
      EventExecutorGroup broadcastLoops,
      BoardMeters meters) {
    this.snapshots = snapshots;
    this.store = store;
    this.blocking = blocking;
    this.broadcastInterval = broadcastInterval;
    this.broadcastLoops = broadcastLoops;
    this.meters = meters;
    this.delivery = new Delivery(delivered, conflated);
    this.subscribers = new BoardSubscribers(delivery, meters);
  }

  /**
   * A change from the projector: kept if newer than the known state, and broadcast now or, within
   * {@code broadcast-interval} of the board's last broadcast, with the next trailing broadcast.
   */
  public void onTopChanged(TopNChanged change) {
    if (snapshots.apply(change).isEmpty()) {
      return;
    }
    throttle(change.board()).changed();
  }

  /**
   * A state loaded for a subscriber, who gets it as its SNAPSHOT. It is broadcast only to channels
   * that subscribed earlier without one (their load failed); usually there are none, and the board
   * stays quiet, so its next change still goes out at once.
   */
  private void onLoaded(TopNChanged loaded) {
    if (snapshots.apply(loaded).isPresent() && subscribers.hasAny(loaded.board())) {
      throttle(loaded.board()).changed();
    }
  }

  private BoardThrottle throttle(String board) {
    BoardThrottle throttle = throttles.get(board);
    return throttle != null ? throttle : throttles.computeIfAbsent(board, this::newThrottle);
  }

  private BoardThrottle newThrottle(String board) {
    return new BoardThrottle(
        broadcastLoops.next(),
        broadcastInterval,
        () -> snapshots.current(board).orElse(null),
        subscribers::broadcast,
        meters.changes(board),
        meters.broadcasts(board));
  }

  /** The board's current state if it is in memory already; never loads. Any thread. */
  public Optional<BoardState> known(String board) {
    return snapshots.current(board);
  }

  /**
   * The board's current state (an empty one if it has no data), loaded from the read model the
   * first time; completes on {@code loop}.
   */
  public Future<BoardState> current(String board, EventExecutor loop) {
    BoardState known = snapshots.current(board).orElse(null);
    if (known != null) {
      return loop.newSucceededFuture(known);
    }
    return blocking.submit(
        () -> {
          store.currentTop(board).ifPresent(this::onLoaded);
          return snapshots.current(board).orElseGet(() -> BoardState.empty(board));
        },
        loop);
  }

  /**
   * Subscribes {@code channel} to {@code board} and sends it a {@code SNAPSHOT}. The channel joins
   * the board's group before the state is read, so no update can fall between the snapshot and the
   * first update. If loading fails the channel stays subscribed (it gets the state with the next
   * change or refresh) and the future fails. Call on the channel's event loop.
   */
  public Future<Void> subscribe(Channel channel, String board) {
    return subscribe(channel, board, OptionalLong.empty());
  }

  /**
   * Like {@link #subscribe(Channel, String)} for a client that resumes: if {@code lastSeq} is the
   * seq of the board's current state, the client has it already, so no {@code SNAPSHOT} is sent and
   * the channel counts as sent that state (its next message is the next newer update).
   */
  public Future<Void> subscribe(Channel channel, String board, OptionalLong lastSeq) {
    ChannelBoards boards = ChannelBoards.of(channel);
    // Counted at once, so a burst of SUBSCRIBEs cannot pass the limit while loads are in flight.
    boards.add(board);
    Promise<Void> done = channel.eventLoop().newPromise();
    current(board, channel.eventLoop())
        .addListener(
            (Future<BoardState> loaded) -> {
              if (!channel.isActive() || !boards.isSubscribed(board)) {
                done.trySuccess(null);
                return;
              }
              subscribers.add(board, channel);
              if (!loaded.isSuccess()) {
                done.tryFailure(loaded.cause());
                return;
              }
              BoardState state = snapshots.current(board).orElseGet(loaded::getNow);
              boards.snapshotSent(board, state);
              boolean current =
                  !state.isPlaceholder()
                      && lastSeq.isPresent()
                      && lastSeq.getAsLong() == state.top().seq();
              if (!current) {
                channel.writeAndFlush(
                    state.snapshotWire(boards.transport()), channel.voidPromise());
              }
              done.trySuccess(null);
            });
    return done;
  }

  /** Call on the channel's event loop. */
  public void unsubscribe(Channel channel, String board) {
    subscribers.remove(board, channel);
  }

  /** Forgets a closed channel. Call on the channel's event loop. */
  public void closed(Channel channel) {
    subscribers.removeAll(channel);
  }

  /**
   * Sends a channel that is writable again the latest update of each board it missed while slow.
   * Call on the channel's event loop.
   */
  public void writable(Channel channel) {
    delivery.catchUp(channel, snapshots);
  }

  /**
   * Reloads every known board from the read model and broadcasts what changed, so nothing missed
   * while the pub/sub subscription was down stays stale. Blocks: call on the blocking executor.
   */
  public void refreshAll() {
    Set<String> boards = new TreeSet<>(snapshots.boards());
    boards.addAll(subscribers.boards());
    for (String board : boards) {
      try {
        store.currentTop(board).ifPresent(this::onTopChanged);
      } catch (RuntimeException e) {
        log.warn("Could not refresh board {}: {}", board, e.toString());
        return;
      }
    }
    log.info("Refreshed {} boards from the read model", boards.size());
  }
}
