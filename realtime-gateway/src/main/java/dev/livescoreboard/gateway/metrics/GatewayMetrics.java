package dev.livescoreboard.gateway.metrics;

import dev.livescoreboard.events.ErrorCode;
import dev.livescoreboard.gateway.board.BoardMeters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntSupplier;

/**
 * The gateway's meters, exported in Prometheus text format at {@code /metrics}. Meters are
 * thread-safe; the registry is owned by this object.
 */
public final class GatewayMetrics implements BoardMeters, AutoCloseable {

  private static final String NO_PROBLEM = "none";

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private final Counter delivered;
  private final Counter conflated;
  private final Counter malformedChanges;
  private final Counter refusedConnections;
  private final Counter malformedRankChanges;
  private final Counter personalPushed;
  private final Counter personalDropped;
  private final Timer broadcastTime;
  private final Timer endToEnd;
  private final Clock clock;
  // Non-problem responses by status, filled on first use: two loops racing to fill a slot both get
  // the registry's one counter.
  private final AtomicReferenceArray<Counter> responses = new AtomicReferenceArray<>(600);
  private final Map<ErrorCode, Counter> problems = new EnumMap<>(ErrorCode.class);

  public GatewayMetrics() {
    this(Clock.systemUTC());
  }

  /** With {@code clock} as the time an update is written (end-to-end latency). */
  public GatewayMetrics(Clock clock) {
    this.clock = clock;
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    // The allocator of every channel (Netty's default): connection state and queued bytes live
    // there, outside the heap and the JVM's direct buffer pools.
    if (ByteBufAllocator.DEFAULT instanceof ByteBufAllocatorMetricProvider netty) {
      Gauge.builder("gateway.netty.direct.used", netty, n -> n.metric().usedDirectMemory())
          .description("Direct memory held by Netty's buffer allocator, in bytes")
          .baseUnit("bytes")
          .register(registry);
    }
    delivered =
        Counter.builder("gateway.messages.broadcast")
            .description("Leaderboard updates written to subscribers (WebSocket and SSE)")
            .register(registry);
    conflated =
        Counter.builder("gateway.messages.conflated")
            .description("Updates skipped for slow subscribers (they get the latest state later)")
            .register(registry);
    malformedChanges =
        Counter.builder("gateway.changes.malformed")
            .description("Messages on the top-changed channel that could not be parsed")
            .register(registry);
    refusedConnections =
        Counter.builder("gateway.connections.refused")
            .description("Connections closed on accept because the gateway held its maximum")
            .register(registry);
    malformedRankChanges =
        Counter.builder("gateway.rank-changes.malformed")
            .description("Messages on the rank-changed channel that could not be parsed")
            .register(registry);
    personalPushed =
        Counter.builder("gateway.personal.pushed")
            .description("RANK_CHANGED messages handed to a connection of their user")
            .register(registry);
    personalDropped =
        Counter.builder("gateway.personal.dropped")
            .description("RANK_CHANGED messages dropped because their connection was not writable")
            .register(registry);
    broadcastTime =
        Timer.builder("gateway.broadcast.duration")
            .description(
                "One board state written to all of its subscribers: from the broadcast's start to"
                    + " the last event loop's flush")
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofSeconds(10))
            .register(registry);
    endToEnd =
        Timer.builder("gateway.e2e.latency")
            .description(
                "From the commit of a score change (sourceCommittedAt) to the broadcast of the state"
                    + " it caused written to every subscriber; compares this host's clock with"
                    + " PostgreSQL's")
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofSeconds(30))
            .register(registry);
    // Registered up front so dashboards see zeros rather than missing series.
    for (String reason : new String[] {"missing_token", "invalid_token", "origin"}) {
      authFailures(reason);
    }
    for (String reason : new String[] {"request", "drain"}) {
      timedOuts(reason);
    }
    for (ErrorCode code : ErrorCode.values()) {
      problems.put(code, responseCounter(code.status(), code.name()));
    }
  }

  /** Reports the number of open connections of every kind (HTTP, WebSocket, SSE). */
  public void bindOpenConnections(IntSupplier openConnections) {
    Gauge.builder("gateway.connections.open", openConnections::getAsInt)
        .description("Open connections of every kind: HTTP, WebSocket and SSE")
        .register(registry);
  }

  /** Reports the number of open WebSocket connections. */
  public void bindConnections(IntSupplier openConnections) {
    Gauge.builder("gateway.websocket.connections", openConnections::getAsInt)
        .description("Open WebSocket connections")
        .register(registry);
  }

  /** Reports the number of open Server-Sent Events streams. */
  public void bindSseStreams(IntSupplier openStreams) {
    Gauge.builder("gateway.sse.connections", openStreams::getAsInt)
        .description("Open Server-Sent Events streams")
        .register(registry);
  }

  /** Reports the number of users with a connection indexed for personal pushes. */
  public void bindPersonalUsers(IntSupplier users) {
    Gauge.builder("gateway.personal.users", users::getAsInt)
        .description("Authenticated users with at least one connection receiving RANK_CHANGED")
        .register(registry);
  }

  public Counter delivered() {
    return delivered;
  }

  public Counter conflated() {
    return conflated;
  }

  public Counter malformedChanges() {
    return malformedChanges;
  }

  public Counter malformedRankChanges() {
    return malformedRankChanges;
  }

  public Counter personalPushed() {
    return personalPushed;
  }

  public Counter personalDropped() {
    return personalDropped;
  }

  @Override
  public Counter changes(String board) {
    return Counter.builder("gateway.board.changes")
        .description("Newer top-N states received per board (before the broadcast throttle)")
        .tag("board", board)
        .register(registry);
  }

  @Override
  public Counter broadcasts(String board) {
    return Counter.builder("gateway.board.broadcasts")
        .description("Broadcasts per board (at most one per broadcast interval, leading edge)")
        .tag("board", board)
        .register(registry);
  }

  @Override
  public void broadcastWritten(long nanos, Instant sourceCommittedAt) {
    broadcastTime.record(nanos, TimeUnit.NANOSECONDS);
    if (sourceCommittedAt != null) {
      // Clocks of two hosts may disagree; a negative span says that, not that the update was fast.
      Duration latency = Duration.between(sourceCommittedAt, clock.instant());
      if (!latency.isNegative()) {
        endToEnd.record(latency);
      }
    }
  }

  /**
   * Counts one HTTP response by status, and by problem code when it is a problem response ({@code
   * problem} not {@code null}). Cheap enough for every response: an array or map lookup and an
   * increment.
   */
  public void response(int status, ErrorCode problem) {
    if (problem != null) {
      problems.get(problem).increment();
      return;
    }
    if (status < 0 || status >= responses.length()) {
      responseCounter(status, NO_PROBLEM).increment();
      return;
    }
    Counter counter = responses.get(status);
    if (counter == null) {
      counter = responseCounter(status, NO_PROBLEM);
      responses.set(status, counter);
    }
    counter.increment();
  }

  private Counter responseCounter(int status, String code) {
    return Counter.builder("gateway.http.responses")
        .description("HTTP responses by status, and problem code of error responses (else none)")
        .tag("status", Integer.toString(status))
        .tag("code", code)
        .register(registry);
  }

  /** Counts a refused WebSocket upgrade, SSE stream or token (failed auth is a security event). */
  public void authFailure(String reason) {
    authFailures(reason).increment();
  }

  private Counter authFailures(String reason) {
    return Counter.builder("gateway.auth.failures")
        .description("Refused WebSocket upgrades: missing, invalid or expired tokens, bad origins")
        .tag("reason", reason)
        .register(registry);
  }

  /** Counts a connection closed on accept because the gateway was full. */
  public void refusedConnection() {
    refusedConnections.increment();
  }

  /** Counts a refused connection because of a limit. */
  public void rejectedConnection(String limit) {
    Counter.builder("gateway.connections.rejected")
        .description("WebSocket upgrades and SSE streams refused by a limit")
        .tag("limit", limit)
        .register(registry)
        .increment();
  }

  /**
   * Counts a token accepted without a revocation check (the denylist was out of step, Redis down).
   */
  public void revocationUnchecked() {
    Counter.builder("gateway.auth.revocation.unchecked")
        .description("Access tokens accepted without a revocation check (Redis unavailable)")
        .register(registry)
        .increment();
  }

  /**
   * Counts a connection closed because of what its token became ({@code revoked}, {@code expired}).
   */
  public void closedForToken(String reason) {
    Counter.builder("gateway.connections.closed.token")
        .description("Open connections closed because their token was revoked or expired")
        .tag("reason", reason)
        .register(registry)
        .increment();
  }

  /**
   * Counts a connection closed for being too slow: its request did not arrive within the request
   * timeout ({@code request}), or it did not take what it was sent within the drain timeout ({@code
   * drain}).
   */
  public void timedOut(String reason) {
    timedOuts(reason).increment();
  }

  private Counter timedOuts(String reason) {
    return Counter.builder("gateway.connections.timed_out")
        .description("Connections closed for a request too slow to arrive or a peer not reading")
        .tag("reason", reason)
        .register(registry);
  }

  /** Counts a WebSocket closed for sending client messages faster than its rate limit. */
  public void rateLimitedConnection() {
    Counter.builder("gateway.messages.rate_limited")
        .description("WebSockets closed for flooding client messages")
        .register(registry)
        .increment();
  }

  /** The Prometheus text exposition of all meters. */
  public String scrape() {
    return registry.scrape();
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
