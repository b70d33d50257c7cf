package dev.livescoreboard.gateway.redis;

import dev.livescoreboard.events.BoardIds;
import dev.livescoreboard.events.EventJson;
import dev.livescoreboard.events.RanksChanged;
import dev.livescoreboard.events.TopNChanged;
import io.micrometer.core.instrument.Counter;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.RedisClient;

/**
 * Listens to one of the projector's channels of board messages, top-changed or rank-changed ({@link
 * ChannelSubscription}: own thread, reconnecting with back-off). Each message is parsed and handed
 * to the consumer on that thread; one that does not parse or names no valid board and season is
 * counted in {@code malformed} and skipped, so everything downstream may order the seasons of valid
 * ids only. After every (re)subscribe {@code onSubscribed} runs so that the caller can catch up on
 * what was published while disconnected.
 *
 * @param <T> the message type
 */
public final class BoardMessageSubscriber<T> implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(BoardMessageSubscriber.class);

  private final String channel;
  private final Class<T> type;
  private final Function<T, String> board;
  private final Function<T, String> season;
  private final Consumer<T> onMessage;
  private final Counter malformed;
  private final ChannelSubscription subscription;

  private BoardMessageSubscriber(
      RedisClient redis,
      String channel,
      String threadName,
      Class<T> type,
      Function<T, String> board,
      Function<T, String> season,
      Consumer<T> onMessage,
      Runnable onSubscribed,
      Counter malformed) {
    this.channel = channel;
    this.type = type;
    this.board = board;
    this.season = season;
    this.onMessage = onMessage;
    this.malformed = malformed;
    this.subscription =
        new ChannelSubscription(redis, channel, threadName, this::onMessage, onSubscribed);
  }

  /** The projector's top-N changes. */
  public static BoardMessageSubscriber<TopNChanged> topChanged(
      RedisClient redis,
      String channel,
      Consumer<TopNChanged> onChange,
      Runnable onSubscribed,
      Counter malformed) {
    return new BoardMessageSubscriber<>(
        redis,
        channel,
        "redis-top-changed",
        TopNChanged.class,
        TopNChanged::board,
        TopNChanged::season,
        onChange,
        onSubscribed,
        malformed);
  }

  /**
   * The projector's personal rank changes. Nothing to catch up on after a reconnect: a push is news
   * of the moment, and the current rank is one read away.
   */
  public static BoardMessageSubscriber<RanksChanged> rankChanged(
      RedisClient redis, String channel, Consumer<RanksChanged> onChange, Counter malformed) {
    return new BoardMessageSubscriber<>(
        redis,
        channel,
        "redis-rank-changed",
        RanksChanged.class,
        RanksChanged::board,
        RanksChanged::season,
        onChange,
        () -> {},
        malformed);
  }

  public void start() {
    subscription.start();
  }

  /** Whether the subscription is currently established. */
  public boolean isSubscribed() {
    return subscription.isSubscribed();
  }

  private void onMessage(String json) {
    T message;
    try {
      message = EventJson.fromJson(json, type);
      if (!BoardIds.isValidBoard(board.apply(message))
          || !BoardIds.isValidSeason(season.apply(message))) {
        throw new IllegalArgumentException("no valid board and season ids");
      }
    } catch (RuntimeException e) {
      malformed.increment();
      log.warn("Ignoring a malformed message on {}: {}", channel, e.toString());
      return;
    }
    try {
      onMessage.accept(message);
    } catch (RuntimeException e) {
      log.error("Could not handle a message of board {} on {}", board.apply(message), channel, e);
    }
  }

  @Override
  public void close() {
    subscription.close();
  }
}
