package dev.livescoreboard.gateway.registry;

import dev.livescoreboard.gateway.blocking.BlockingExecutor;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's one answer to "does this board exist": the defined boards, cached in memory and
 * reloaded from the read model every {@link #REFRESH} (see the package docs). Any thread.
 */
public final class BoardRegistry {

  /** How often the whole registry is reloaded: a change of a known board shows within it. */
  public static final Duration REFRESH = Duration.ofSeconds(1);

  private static final Logger log = LoggerFactory.getLogger(BoardRegistry.class);

  private final BoardCatalog catalog;
  private final BlockingExecutor blocking;
  private final AtomicBoolean refreshing = new AtomicBoolean();
  private volatile Map<String, BoardInfo> boards = Map.of();
  private volatile boolean loaded;
  // Boards found by a lookup since the last reload, so a new board is served before the next one.
  private final Map<String, BoardInfo> found = new ConcurrentHashMap<>();

  public BoardRegistry(BoardCatalog catalog, BlockingExecutor blocking) {
    this.catalog = catalog;
    this.blocking = blocking;
  }

  /** The board if it is in memory; never reads Redis. */
  public Optional<BoardInfo> known(String board) {
    BoardInfo info = boards.get(board);
    return Optional.ofNullable(info != null ? info : found.get(board));
  }

  /**
   * The board, from memory or (when memory does not know it) from the read model on the blocking
   * executor; empty when it is not defined. Fails when the read model cannot be reached. Completes
   * on {@code loop}.
   */
  public Future<Optional<BoardInfo>> find(String board, EventExecutor loop) {
    Optional<BoardInfo> known = known(board);
    if (known.isPresent()) {
      return loop.newSucceededFuture(known);
    }
    return blocking.submit(() -> lookup(board), loop);
  }

  /**
   * {@link #find} for a caller already on the blocking executor: blocks when memory does not know
   * the board.
   */
  public Optional<BoardInfo> lookup(String board) {
    Optional<BoardInfo> known = known(board);
    if (known.isPresent()) {
      return known;
    }
    Optional<BoardInfo> info = catalog.find(board);
    info.ifPresent(b -> found.put(board, b));
    return info;
  }

  /**
   * The seasons of {@code board} (a defined board), newest first; when the read model has not
   * recorded any yet, its current season without a start. Blocks: call on the blocking executor.
   */
  public List<SeasonInfo> seasons(BoardInfo board) {
    List<SeasonInfo> seasons = catalog.seasons(board.board());
    return seasons.isEmpty() ? List.of(new SeasonInfo(board.currentSeason(), null, null)) : seasons;
  }

  /**
   * Every defined board, by id; from memory once a reload has succeeded. Completes on {@code loop}.
   */
  public Future<List<BoardInfo>> all(EventExecutor loop) {
    if (loaded) {
      return loop.newSucceededFuture(sorted());
    }
    return blocking.submit(
        () -> {
          refresh();
          return sorted();
        },
        loop);
  }

  /**
   * Reloads the registry. Blocks; throws when the read model cannot be reached, leaving the boards
   * in memory as they were (they keep being served).
   */
  public void refresh() {
    Map<String, BoardInfo> fresh =
        catalog.all().stream().collect(Collectors.toMap(BoardInfo::board, Function.identity()));
    boards = Map.copyOf(fresh);
    found.keySet().removeIf(fresh::containsKey);
    loaded = true;
  }

  /** Reloads every {@link #REFRESH} on the blocking executor, at most one reload at a time. */
  public void start(ScheduledExecutorService timer) {
    timer.scheduleWithFixedDelay(
        () -> {
          if (refreshing.compareAndSet(false, true) && !blocking.execute(this::refreshQuietly)) {
            refreshing.set(false);
          }
        },
        0,
        REFRESH.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  private void refreshQuietly() {
    try {
      refresh();
    } catch (RuntimeException e) {
      log.warn(
          "Could not reload the board registry, keeping {} boards: {}",
          boards.size(),
          e.toString());
    } finally {
      refreshing.set(false);
    }
  }

  private List<BoardInfo> sorted() {
    Map<String, BoardInfo> all = new java.util.TreeMap<>(found);
    all.putAll(boards);
    return all.values().stream().sorted(Comparator.comparing(BoardInfo::board)).toList();
  }
}
