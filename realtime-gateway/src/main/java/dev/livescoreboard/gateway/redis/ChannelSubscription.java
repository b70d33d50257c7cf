package dev.livescoreboard.gateway.redis;

import dev.livescoreboard.events.retry.Backoff;
import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.RedisClient;

/**
 * A subscription to one Redis pub/sub channel on its own thread (Jedis {@code subscribe} blocks),
 * reconnecting with back-off for as long as it runs. Raw messages go to {@code onMessage} on this
 * thread, in the order Redis sends them; {@code onSubscribed} runs after every (re)subscribe.
 */
final class ChannelSubscription implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ChannelSubscription.class);
  private static final Duration FIRST_RETRY = Duration.ofMillis(200);
  private static final Duration LONGEST_RETRY = Duration.ofSeconds(10);

  private final RedisClient redis;
  private final String channel;
  private final Consumer<String> onMessage;
  private final Runnable onSubscribed;
  private final Thread thread;
  private final Backoff backoff = new Backoff(FIRST_RETRY, LONGEST_RETRY);
  private volatile boolean running = true;
  private volatile boolean subscribed;
  private volatile JedisPubSub current;
  private int failures; // subscriber thread only

  ChannelSubscription(
      RedisClient redis,
      String channel,
      String threadName,
      Consumer<String> onMessage,
      Runnable onSubscribed) {
    this.redis = redis;
    this.channel = channel;
    this.onMessage = onMessage;
    this.onSubscribed = onSubscribed;
    this.thread = new Thread(this::run, threadName);
    this.thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  boolean isSubscribed() {
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
      onMessage.accept(message);
    }
  }
}
