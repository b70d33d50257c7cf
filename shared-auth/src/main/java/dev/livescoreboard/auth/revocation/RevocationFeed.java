package dev.livescoreboard.auth.revocation;

import dev.livescoreboard.events.retry.Backoff;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Keeps this instance's {@link LocalDenylist} in step with the revocations of every instance, so
 * that checking a token needs no Redis round trip: subscribes to the revocation channel, then loads
 * the revocations already in Redis (subscribing first, so none published in between is missed),
 * then applies each published one as it comes. Every revocation it learns (loaded or announced) is
 * also handed to {@code onRevoked}, on the feed's thread, after it is in the denylist: that is how
 * open connections of a revoked token are closed. When the subscription breaks it is out of step
 * ({@link #inStep()} false, token checks ask Redis) and reconnects with jittered exponential
 * back-off. Runs on one daemon thread of its own between {@link #start()} and {@link #close()}.
 */
public final class RevocationFeed implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RevocationFeed.class);
  private static final Duration RECONNECT_MIN = Duration.ofMillis(100);
  private static final Duration RECONNECT_MAX = Duration.ofSeconds(5);
  private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(2);

  private final RedisClient redis;
  private final RevocationKeys keys;
  private final LocalDenylist denylist;
  private final Clock clock;
  private final Consumer<String> onRevoked;
  private volatile Subscription subscription;
  private volatile boolean inStep;
  private volatile boolean running;
  private Thread thread;

  /**
   * @param onRevoked told each revoked {@code jti} the feed learns; must not block for long
   */
  public RevocationFeed(
      RedisClient redis,
      RevocationKeys keys,
      LocalDenylist denylist,
      Clock clock,
      Consumer<String> onRevoked) {
    this.redis = redis;
    this.keys = keys;
    this.denylist = denylist;
    this.clock = clock;
    this.onRevoked = onRevoked;
  }

  /** A feed that only fills the denylist. */
  public RevocationFeed(
      RedisClient redis, RevocationKeys keys, LocalDenylist denylist, Clock clock) {
    this(redis, keys, denylist, clock, jti -> {});
  }

  /** Whether every revocation known to Redis is in the local denylist right now. */
  public boolean inStep() {
    return inStep;
  }

  public boolean isRunning() {
    return running;
  }

  /** Starts the feed's thread; does nothing when it runs already. */
  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    thread = new Thread(this::loop, "revocation-feed");
    thread.setDaemon(true);
    thread.start();
  }

  /** Stops the feed's thread (bounded wait); the feed is out of step afterwards. */
  @Override
  public synchronized void close() {
    running = false;
    if (thread == null) {
      return;
    }
    Subscription current = subscription;
    if (current != null && current.isSubscribed()) {
      try {
        current.unsubscribe();
      } catch (JedisException e) {
        // Redis is gone: the subscription is dead already, and the interrupt ends the loop.
        log.debug("unsubscribe failed while closing", e);
      }
    }
    thread.interrupt();
    try {
      thread.join(JOIN_TIMEOUT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    thread = null;
  }

  private void loop() {
    Backoff backoff = new Backoff(RECONNECT_MIN, RECONNECT_MAX);
    while (running) {
      Subscription current = new Subscription();
      subscription = current;
      try {
        redis.subscribe(current, keys.channel());
      } catch (JedisException e) {
        if (running) {
          log.warn("revocation feed lost, reconnecting: {}", e.toString());
        }
      } finally {
        inStep = false;
      }
      if (current.wasInStep) {
        backoff.reset();
      }
      if (running && !backoff.pause()) {
        return;
      }
    }
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
          learned(keys.jtiOf(key), now.plusMillis(ttl));
        }
      }
      cursor = page.getCursor();
    } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
  }

  private void learned(String jti, Instant until) {
    denylist.add(jti, until);
    try {
      onRevoked.accept(jti);
    } catch (RuntimeException e) {
      log.warn("revocation listener failed: {}", e.toString());
    }
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
        learned(revocation.jti(), revocation.until());
      }
    }
  }
}
