package dev.livescoreboard.command.auth;

import dev.livescoreboard.command.redis.RedisSettings;
import dev.livescoreboard.command.system.DedicatedThread;
import dev.livescoreboard.events.retry.Backoff;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Keeps this instance's {@link LocalDenylist} in step with the revocations of every instance, so
 * that checking a token needs no Redis round trip: subscribes to the revocation channel, then loads
 * the revocations already in Redis (subscribing first, so none published in between is missed),
 * then applies each published one as it comes. When the subscription breaks it is out of step
 * ({@link #inStep()} false, token checks ask Redis again) and reconnects with jittered exponential
 * back-off.
 */
@Component
class RevocationFeed extends DedicatedThread {

  private static final Logger log = LoggerFactory.getLogger(RevocationFeed.class);
  private static final Duration RECONNECT_MIN = Duration.ofMillis(100);
  private static final Duration RECONNECT_MAX = Duration.ofSeconds(5);

  private final RedisClient redis;
  private final RevocationKeys keys;
  private final LocalDenylist denylist;
  private final Clock clock;
  private volatile Subscription subscription;
  private volatile boolean inStep;

  RevocationFeed(RedisClient redis, RedisSettings settings, LocalDenylist denylist, Clock clock) {
    super("revocation-feed", Duration.ofSeconds(2));
    this.redis = redis;
    this.keys = new RevocationKeys(settings);
    this.denylist = denylist;
    this.clock = clock;
  }

  /** Whether every revocation known to Redis is in the local denylist right now. */
  boolean inStep() {
    return inStep;
  }

  @Override
  protected void loop() {
    Backoff backoff = new Backoff(RECONNECT_MIN, RECONNECT_MAX);
    while (isRunning()) {
      Subscription current = new Subscription();
      subscription = current;
      try {
        redis.subscribe(current, keys.channel());
      } catch (JedisException e) {
        if (isRunning()) {
          log.warn("revocation feed lost, reconnecting: {}", e.toString());
        }
      } finally {
        inStep = false;
      }
      if (current.wasInStep) {
        backoff.reset();
      }
      if (isRunning()) {
        backoff.pause();
      }
    }
  }

  @Override
  protected void wake(Thread thread) {
    Subscription current = subscription;
    if (current != null && current.isSubscribed()) {
      current.unsubscribe();
    }
    thread.interrupt();
  }

  private void loadExisting() {
    Instant now = clock.instant();
    ScanParams match = new ScanParams().match(keys.pattern()).count(1_000);
    String cursor = ScanParams.SCAN_POINTER_START;
    do {
      ScanResult<String> page = redis.scan(cursor, match);
      for (String key : page.getResult()) {
        long ttl = redis.pttl(key);
        if (ttl > 0) {
          denylist.add(keys.jtiOf(key), now.plusMillis(ttl));
        }
      }
      cursor = page.getCursor();
    } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
  }

  /** Callbacks run on the feed's thread, one at a time, in the order Redis sends them. */
  private final class Subscription extends JedisPubSub {

    private boolean wasInStep;

    @Override
    public void onSubscribe(String channel, int subscribedChannels) {
      try {
        loadExisting();
        inStep = true;
        wasInStep = true;
        log.info("revocation feed in step");
      } catch (JedisException e) {
        log.warn("cannot load the revocations, resubscribing: {}", e.toString());
        unsubscribe();
      }
    }

    @Override
    public void onMessage(String channel, String message) {
      RevocationKeys.Published revocation = RevocationKeys.parse(message);
      if (revocation != null) {
        denylist.add(revocation.jti(), revocation.until());
      }
    }
  }
}
