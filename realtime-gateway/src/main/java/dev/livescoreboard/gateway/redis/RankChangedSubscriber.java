package dev.livescoreboard.gateway.redis;

import dev.livescoreboard.events.BoardIds;
import dev.livescoreboard.events.EventJson;
import dev.livescoreboard.events.RanksChanged;
import io.micrometer.core.instrument.Counter;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.RedisClient;

/**
 * Listens to the projector's rank-changed channel ({@link ChannelSubscription}: own thread,
 * reconnecting with back-off) and hands each parsed {@link RanksChanged} to the consumer on that
 * thread. Nothing is caught up after a reconnect: a personal push is news of the moment, and the
 * player's current rank is one read away ({@code /me}).
 */
public final class RankChangedSubscriber implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RankChangedSubscriber.class);

  private final String channel;
  private final Consumer<RanksChanged> onChange;
  private final Counter malformed;
  private final ChannelSubscription subscription;

  public RankChangedSubscriber(
      RedisClient redis, String channel, Consumer<RanksChanged> onChange, Counter malformed) {
    this.channel = channel;
    this.onChange = onChange;
    this.malformed = malformed;
    this.subscription =
        new ChannelSubscription(redis, channel, "redis-rank-changed", this::onMessage, () -> {});
  }

  public void start() {
    subscription.start();
  }

  /** Whether the subscription is currently established. */
  public boolean isSubscribed() {
    return subscription.isSubscribed();
  }

  private void onMessage(String message) {
    RanksChanged change;
    try {
      change = EventJson.fromJson(message, RanksChanged.class);
      if (!BoardIds.isValidBoard(change.board()) || !BoardIds.isValidSeason(change.season())) {
        throw new IllegalArgumentException("no valid board and season ids");
      }
    } catch (RuntimeException e) {
      malformed.increment();
      log.warn("Ignoring a malformed message on {}: {}", channel, e.toString());
      return;
    }
    try {
      onChange.accept(change);
    } catch (RuntimeException e) {
      log.error("Could not push the rank changes of board {}", change.board(), e);
    }
  }

  @Override
  public void close() {
    subscription.close();
  }
}
