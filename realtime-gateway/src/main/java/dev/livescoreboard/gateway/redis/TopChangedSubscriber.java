package dev.livescoreboard.gateway.redis;

import dev.livescoreboard.events.BoardIds;
import dev.livescoreboard.events.EventJson;
import dev.livescoreboard.events.TopNChanged;
import dev.livescoreboard.events.retry.Backoff;
import io.micrometer.core.instrument.Counter;
import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.RedisClient;

/**
 * Listens to the projector's top-changed channel on its own thread (Jedis {@code subscribe}
 * blocks), reconnecting with back-off for as long as it runs. Each message is parsed and handed to
 * the consumer on this thread; after every (re)subscribe {@code onSubscribed} runs so that the
 * caller can catch up on what was published while disconnected.
 */
public final class TopChangedSubscriber implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(TopChangedSubscriber.class);
  private static final Duration FIRST_RETRY = Duration.ofMillis(200);
  private static final Duration LONGEST_RETRY = Duration.ofSeconds(10);

  private final RedisClient redis;
  private final String channel;
  private final Consumer<TopNChanged> onChange;
  private final Runnable onSubscribed;
  private final Counter malformed;
  private final Thread thread;
  private final Backoff backoff = new Backoff(FIRST_RETRY, LONGEST_RETRY);
  private volatile boolean running = true;
  private volatile boolean subscribed;
  private volatile JedisPubSub current;
  private int failures; // subscriber thread only

  public TopChangedSubscriber(
      RedisClient redis,
      String channel,
      Consumer<TopNChanged> onChange,
      Runnable onSubscribed,
      Counter malformed) {
    this.redis = redis;
    this.channel = channel;
    this.onChange = onChange;
    this.onSubscribed = onSubscribed;
    this.malformed = malformed;
    this.thread = new Thread(this::run, "redis-top-changed");
    this.thread.setDaemon(true);
  }

  public void start() {
    thread.start();
  }

  /** Whether the subscription is currently established. */
  public boolean isSubscribed() {
    return subscribed;
  }

  private void run() {
    while (running) {
      JedisPubSub listener = new Listener();
      current = listener;
      try {
        redis.subscribe(listener, channel);
      } catch (RuntimeException e) {
        failures++;
        // Warn once per outage (and now and then while it lasts), not on every retry.
        if (running && (failures == 1 || failures % 50 == 0)) {
          log.warn(
              "Redis subscription to {} down ({} attempts): {}", channel, failures, e.toString());
        } else {
          log.debug("Redis subscription attempt failed: {}", e.toString());
        }
      } finally {
        subscribed = false;
      }
      if (running && !backoff.pause()) {
        running = false;
      }
    }
  }

  @Override
  public void close() {
    running = false;
    JedisPubSub listener = current;
    if (listener != null && listener.isSubscribed()) {
      try {
        listener.unsubscribe();
      } catch (RuntimeException e) {
        log.debug("Unsubscribe failed while closing", e);
      }
    }
    thread.interrupt();
    try {
      thread.join(Duration.ofSeconds(5).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private final class Listener extends JedisPubSub {

    @Override
    public void onSubscribe(String channel, int subscribedChannels) {
      subscribed = true;
      failures = 0;
      backoff.reset();
      log.info("Subscribed to {}", channel);
      onSubscribed.run();
    }

    @Override
    public void onMessage(String channel, String message) {
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
  }
}
