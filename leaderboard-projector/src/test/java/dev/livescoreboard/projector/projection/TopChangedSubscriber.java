package dev.livescoreboard.projector.projection;

import static org.awaitility.Awaitility.await;

import dev.livescoreboard.events.EventJson;
import dev.livescoreboard.events.TopNChanged;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.RedisClient;

/** A real Redis subscriber of the top-changed channel that records every message it receives. */
final class TopChangedSubscriber implements AutoCloseable {

  private final RedisClient client;
  private final JedisPubSub pubSub;
  private final Thread thread;
  private final List<String> messages = new CopyOnWriteArrayList<>();

  private TopChangedSubscriber(String redisUrl, String channel) {
    this.client = RedisClient.create(URI.create(redisUrl));
    this.pubSub =
        new JedisPubSub() {
          @Override
          public void onMessage(String ignored, String message) {
            messages.add(message);
          }
        };
    this.thread = new Thread(() -> client.subscribe(pubSub, channel), "test-subscriber");
    thread.setDaemon(true);
    thread.start();
    await().atMost(Duration.ofSeconds(10)).until(pubSub::isSubscribed);
  }

  /** Subscribes and returns once Redis confirmed the subscription. */
  static TopChangedSubscriber subscribe(String redisUrl, String channel) {
    return new TopChangedSubscriber(redisUrl, channel);
  }

  /** The raw JSON messages received so far, in publish order. */
  List<String> messages() {
    return List.copyOf(messages);
  }

  /** Waits until {@code count} messages arrived and returns them parsed. */
  List<TopNChanged> awaitMessages(int count) {
    await().atMost(Duration.ofSeconds(10)).until(() -> messages.size() >= count);
    return messages.stream().map(json -> EventJson.fromJson(json, TopNChanged.class)).toList();
  }

  @Override
  public void close() throws InterruptedException {
    if (pubSub.isSubscribed()) {
      pubSub.unsubscribe();
    }
    thread.join(5_000);
    client.close();
  }
}
