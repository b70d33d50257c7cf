package dev.livescoreboard.gateway.redis;

import dev.livescoreboard.events.BoardIds;
import dev.livescoreboard.events.EventJson;
import dev.livescoreboard.events.TopNChanged;
import io.micrometer.core.instrument.Counter;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.RedisClient;

/**
 * Listens to the projector's top-changed channel ({@link ChannelSubscription}: own thread,
 * reconnecting with back-off). Each message is parsed and handed to the consumer on that thread;
 * after every (re)subscribe {@code onSubscribed} runs so that the caller can catch up on what was
 * published while disconnected.
 */
public final class TopChangedSubscriber implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(TopChangedSubscriber.class);

  private final String channel;
  private final Consumer<TopNChanged> onChange;
  private final Counter malformed;
  private final ChannelSubscription subscription;

  public TopChangedSubscriber(
      RedisClient redis,
      String channel,
      Consumer<TopNChanged> onChange,
      Runnable onSubscribed,
      Counter malformed) {
    this.channel = channel;
    this.onChange = onChange;
    this.malformed = malformed;
    this.subscription =
        new ChannelSubscription(redis, channel, "redis-top-changed", this::onMessage, onSubscribed);
  }

  public void start() {
    subscription.start();
  }

  /** Whether the subscription is currently established. */
  public boolean isSubscribed() {
    return subscription.isSubscribed();
  }

  private void onMessage(String message) {
    TopNChanged change;
    try {
      change = EventJson.fromJson(message, TopNChanged.class);
      // Checked here so that everything downstream may order the seasons of valid ids only.
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
      log.error("Could not apply the change of board {}", change.board(), e);
    }
  }

  @Override
  public void close() {
    subscription.close();
  }
}
