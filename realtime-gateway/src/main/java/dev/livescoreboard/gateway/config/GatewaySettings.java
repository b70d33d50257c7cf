package dev.livescoreboard.gateway.config;

import dev.livescoreboard.auth.AccessTokenSettings;
import dev.livescoreboard.events.BoardDefaults;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Everything the gateway can be configured with, read once at startup from environment variables
 * (names in {@link #fromEnvironment(Map)}). Every limit has a named default that says why it is
 * what it is.
 *
 * @param bindAddress address to listen on
 * @param port TCP port; 0 picks a free one (tests)
 * @param redisUrl {@code redis://host:port} of the read model
 * @param redisKeyPrefix prefix of every Redis key (several deployments may share one Redis)
 * @param jwksUrl where the auth service publishes its signing keys
 * @param jwtIssuer expected {@code iss} of user tokens
 * @param jwtAudience expected {@code aud} of user tokens
 * @param publicRead whether viewers without a token may watch boards
 * @param allowedOrigins exact {@code scheme://host[:port]} values a browser may connect from; the
 *     single value {@code *} allows any
 * @param topN size of the top N the projector keeps for a board whose definition is not in the
 *     gateway's registry yet (a defined board's own {@code topN} wins; reads up to it come from
 *     memory), by default {@link BoardDefaults#TOP_N}, as the projector's {@code
 *     scoreboard.projection.top-n}
 * @param maxFrameBytes largest WebSocket frame a client may send
 * @param maxRequestBytes largest HTTP request body accepted
 * @param heartbeat how often the server pings a WebSocket
 * @param idleClose how long a WebSocket may stay silent before it is closed
 * @param requestTimeout how long a request may take to arrive, head and body, from its first byte
 *     (however slowly it trickles in); then it is answered 408 and the connection closed
 * @param drainTimeout how long a connection may go on not taking what it is sent (its write buffer
 *     above the high-water mark) before it is closed; meanwhile nothing more is read from it
 * @param maxConnections open connections (HTTP, WebSocket and SSE) the gateway holds in all; one
 *     accepted beyond it is closed at once
 * @param maxConnectionsPerUser open WebSockets one user may hold
 * @param maxSubscriptionsPerConnection boards one WebSocket may subscribe to
 * @param messagesPerSecond client messages one WebSocket may send per second, sustained
 * @param messageBurst client messages one WebSocket may send at once above that rate
 * @param broadcastInterval least time between two broadcasts of one board: the first change after a
 *     quiet interval goes out at once, later ones within it are coalesced into the latest state;
 *     zero broadcasts every change
 * @param writeBufferLowBytes a slow channel counts as writable again below this many queued bytes
 * @param writeBufferHighBytes a channel counts as slow above this many queued bytes
 * @param blockingThreads threads for Redis reads and token verification
 * @param blockingQueue blocking tasks that may wait; beyond it requests are refused with 503
 * @param ioThreads event loops serving the connections
 * @param sse the Server-Sent Events stream's keep-alive, retry and per-address limit
 * @param page what the live page is told about its surroundings (the local stack's dev auth server)
 */
public record GatewaySettings(
    String bindAddress,
    int port,
    URI redisUrl,
    String redisKeyPrefix,
    URI jwksUrl,
    String jwtIssuer,
    String jwtAudience,
    boolean publicRead,
    Set<String> allowedOrigins,
    int topN,
    int maxFrameBytes,
    int maxRequestBytes,
    Duration heartbeat,
    Duration idleClose,
    Duration requestTimeout,
    Duration drainTimeout,
    int maxConnections,
    int maxConnectionsPerUser,
    int maxSubscriptionsPerConnection,
    int messagesPerSecond,
    int messageBurst,
    Duration broadcastInterval,
    int writeBufferLowBytes,
    int writeBufferHighBytes,
    int blockingThreads,
    int blockingQueue,
    int ioThreads,
    SseSettings sse,
    PageSettings page) {

  public static final int DEFAULT_PORT = 8080;
  public static final String DEFAULT_ALLOWED_ORIGINS =
      "http://localhost:8080,http://127.0.0.1:8080";

  /** A client message is tiny ({"type":"SUBSCRIBE","board":"…"}); bigger frames are abuse. */
  public static final int DEFAULT_MAX_FRAME_BYTES = 4 * 1024;

  /** The API only reads, so a request never needs a body; this is generous for stray ones. */
  public static final int DEFAULT_MAX_REQUEST_BYTES = 8 * 1024;

  /** Often enough to keep proxies and NAT tables from dropping quiet connections. */
  public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(30);

  /** Two missed heartbeats: the peer is gone, so its resources are freed. */
  public static final Duration DEFAULT_IDLE_CLOSE = Duration.ofSeconds(60);

  /**
   * A request here is a few hundred bytes, sent at once by any real client, even over a poor mobile
   * link; a client that takes longer is holding a connection slot (slowloris), so it loses it.
   */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

  /**
   * A peer that has not taken the write buffer's high-water mark plus the kernel's socket buffers
   * in this long is gone or refuses to read; a live client on a slow link drains far sooner. It is
   * closed so it stops holding a connection slot and its queued bytes.
   */
  public static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofSeconds(30);

  /**
   * SPEC §8 wants 15,000 open WebSockets per gateway, and the process may hold 20,000 open files on
   * the target machine; 18,000 leaves room above the target and below that limit for Redis
   * connections, JARs and logs, so the gateway refuses sockets instead of failing to accept.
   */
  public static final int DEFAULT_MAX_CONNECTIONS = 18_000;

  /** A few tabs and devices per user; more is a script holding sockets. */
  public static final int DEFAULT_MAX_CONNECTIONS_PER_USER = 5;

  /** A page shows a handful of boards; every subscription costs memory per connection. */
  public static final int DEFAULT_MAX_SUBSCRIPTIONS = 10;

  /**
   * A page subscribes to a few boards and pings every 30 s; ten messages a second sustained is far
   * above any real client and far below what it costs to parse and answer a flood.
   */
  public static final int DEFAULT_MESSAGES_PER_SECOND = 10;

  /** Room for a page that subscribes to all its boards at once after (re)connecting. */
  public static final int DEFAULT_MESSAGE_BURST = 20;

  /**
   * Under heavy write load the top N changes hundreds of times a second; nobody reads that fast,
   * while every broadcast costs a write per subscriber. 20 updates a second still looks live.
   */
  public static final Duration DEFAULT_BROADCAST_INTERVAL = Duration.ofMillis(50);

  /**
   * A top-N frame is 1–2 KB, so 16 KB holds several; past it the client is slow and gets only the
   * latest state. 15,000 connections x 16 KB stays within the gateway's memory budget.
   */
  public static final int DEFAULT_WRITE_BUFFER_HIGH_BYTES = 16 * 1024;

  public static final int DEFAULT_WRITE_BUFFER_LOW_BYTES = 8 * 1024;

  /** Redis reads and JWKS fetches are short; a few threads keep two cores busy enough. */
  public static final int DEFAULT_BLOCKING_THREADS = 4;

  /** Bounded, so a Redis stall turns into quick 503s instead of a growing backlog. */
  public static final int DEFAULT_BLOCKING_QUEUE = 1000;

  /**
   * One event loop per core: loops never block, so more of them than cores only adds context
   * switches and wake-ups (measured: ~6 % fewer GETs/s with Netty's default of two per core).
   */
  public static final int DEFAULT_IO_THREADS = Runtime.getRuntime().availableProcessors();

  public GatewaySettings {
    allowedOrigins = Set.copyOf(allowedOrigins);
    requireAtLeast("port", port, 0);
    requireAtLeast("topN", topN, 1);
    requireAtLeast("maxFrameBytes", maxFrameBytes, 128);
    requireAtLeast("maxRequestBytes", maxRequestBytes, 0);
    requireAtLeast("maxConnections", maxConnections, 1);
    requireAtLeast("maxConnectionsPerUser", maxConnectionsPerUser, 1);
    requireAtLeast("maxSubscriptionsPerConnection", maxSubscriptionsPerConnection, 1);
    requireAtLeast("messagesPerSecond", messagesPerSecond, 1);
    requireAtLeast("messageBurst", messageBurst, 1);
    requireAtLeast("blockingThreads", blockingThreads, 1);
    requireAtLeast("blockingQueue", blockingQueue, 1);
    requireAtLeast("ioThreads", ioThreads, 1);
    requireAtLeast("writeBufferLowBytes", writeBufferLowBytes, 1);
    requireAtLeast("writeBufferHighBytes", writeBufferHighBytes, writeBufferLowBytes);
    if (broadcastInterval.isNegative()) {
      throw new IllegalArgumentException("broadcastInterval must not be negative");
    }
    if (heartbeat.isNegative() || heartbeat.isZero() || idleClose.compareTo(heartbeat) <= 0) {
      throw new IllegalArgumentException("need 0 < heartbeat < idleClose");
    }
    requirePositive("requestTimeout", requestTimeout);
    requirePositive("drainTimeout", drainTimeout);
  }

  /** The settings of this process's environment. */
  public static GatewaySettings fromEnvironment() {
    return fromEnvironment(System.getenv());
  }

  /** The settings named by {@code env}; missing variables take the documented defaults. */
  public static GatewaySettings fromEnvironment(Map<String, String> env) {
    Env e = new Env(env);
    return new GatewaySettings(
        e.string("SCOREBOARD_GATEWAY_BIND", "0.0.0.0"),
        e.integer("SCOREBOARD_GATEWAY_PORT", DEFAULT_PORT),
        URI.create(e.string("SCOREBOARD_REDIS_URL", "redis://127.0.0.1:6379")),
        e.string("SCOREBOARD_REDIS_KEY_PREFIX", ""),
        URI.create(
            e.string("SCOREBOARD_JWT_JWKS_URL", "http://127.0.0.1:8090/.well-known/jwks.json")),
        e.string("SCOREBOARD_JWT_ISSUER", "http://127.0.0.1:8090"),
        e.string("SCOREBOARD_JWT_AUDIENCE", "scoreboard"),
        e.bool("SCOREBOARD_GATEWAY_PUBLIC_READ", false),
        origins(e.string("SCOREBOARD_GATEWAY_ALLOWED_ORIGINS", DEFAULT_ALLOWED_ORIGINS)),
        e.integer("SCOREBOARD_TOP_N", BoardDefaults.TOP_N),
        e.integer("SCOREBOARD_GATEWAY_MAX_FRAME_BYTES", DEFAULT_MAX_FRAME_BYTES),
        e.integer("SCOREBOARD_GATEWAY_MAX_REQUEST_BYTES", DEFAULT_MAX_REQUEST_BYTES),
        Duration.ofSeconds(
            e.integer("SCOREBOARD_GATEWAY_HEARTBEAT_SECONDS", (int) DEFAULT_HEARTBEAT.toSeconds())),
        Duration.ofSeconds(
            e.integer(
                "SCOREBOARD_GATEWAY_IDLE_CLOSE_SECONDS", (int) DEFAULT_IDLE_CLOSE.toSeconds())),
        Duration.ofSeconds(
            e.integer(
                "SCOREBOARD_GATEWAY_REQUEST_TIMEOUT_SECONDS",
                (int) DEFAULT_REQUEST_TIMEOUT.toSeconds())),
        Duration.ofSeconds(
            e.integer(
                "SCOREBOARD_GATEWAY_DRAIN_TIMEOUT_SECONDS",
                (int) DEFAULT_DRAIN_TIMEOUT.toSeconds())),
        e.integer("SCOREBOARD_GATEWAY_MAX_CONNECTIONS", DEFAULT_MAX_CONNECTIONS),
        e.integer("SCOREBOARD_GATEWAY_MAX_CONNECTIONS_PER_USER", DEFAULT_MAX_CONNECTIONS_PER_USER),
        e.integer("SCOREBOARD_GATEWAY_MAX_SUBSCRIPTIONS", DEFAULT_MAX_SUBSCRIPTIONS),
        e.integer("SCOREBOARD_GATEWAY_MESSAGES_PER_SECOND", DEFAULT_MESSAGES_PER_SECOND),
        e.integer("SCOREBOARD_GATEWAY_MESSAGE_BURST", DEFAULT_MESSAGE_BURST),
        Duration.ofMillis(
            e.integer(
                "SCOREBOARD_GATEWAY_BROADCAST_INTERVAL_MS",
                (int) DEFAULT_BROADCAST_INTERVAL.toMillis())),
        e.integer("SCOREBOARD_GATEWAY_WRITE_BUFFER_LOW_BYTES", DEFAULT_WRITE_BUFFER_LOW_BYTES),
        e.integer("SCOREBOARD_GATEWAY_WRITE_BUFFER_HIGH_BYTES", DEFAULT_WRITE_BUFFER_HIGH_BYTES),
        e.integer("SCOREBOARD_GATEWAY_BLOCKING_THREADS", DEFAULT_BLOCKING_THREADS),
        e.integer("SCOREBOARD_GATEWAY_BLOCKING_QUEUE", DEFAULT_BLOCKING_QUEUE),
        e.integer("SCOREBOARD_GATEWAY_IO_THREADS", DEFAULT_IO_THREADS),
        new SseSettings(
            Duration.ofMillis(
                e.integer(
                    "SCOREBOARD_GATEWAY_SSE_KEEP_ALIVE_MS",
                    (int) SseSettings.DEFAULT_KEEP_ALIVE.toMillis())),
            Duration.ofMillis(
                e.integer(
                    "SCOREBOARD_GATEWAY_SSE_RETRY_MS", (int) SseSettings.DEFAULT_RETRY.toMillis())),
            e.integer(
                "SCOREBOARD_GATEWAY_SSE_MAX_PER_ADDRESS",
                SseSettings.DEFAULT_MAX_STREAMS_PER_ADDRESS)),
        new PageSettings(
            Optional.ofNullable(e.string("SCOREBOARD_GATEWAY_DEV_AUTH_URL", null))
                .map(URI::create)));
  }

  /**
   * How access tokens are verified: the shared rules (shared-auth) with the shared defaults, so the
   * skew, JWKS caching and refetch guard are command-api's.
   */
  public AccessTokenSettings accessTokens() {
    return AccessTokenSettings.of(jwksUrl, jwtIssuer, jwtAudience);
  }

  /** Whether a browser page from {@code origin} may use the gateway. */
  public boolean allowsOrigin(String origin) {
    return allowedOrigins.contains("*")
        || allowedOrigins.contains(origin.trim().toLowerCase(Locale.ROOT));
  }

  private static Set<String> origins(String commaSeparated) {
    return Arrays.stream(commaSeparated.split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .map(s -> s.toLowerCase(Locale.ROOT))
        .map(s -> s.endsWith("/") ? s.substring(0, s.length() - 1) : s)
        .collect(Collectors.toUnmodifiableSet());
  }

  private static void requirePositive(String name, Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }

  private static void requireAtLeast(String name, int value, int min) {
    if (value < min) {
      throw new IllegalArgumentException(name + " must be at least " + min + ", was " + value);
    }
  }

  private record Env(Map<String, String> values) {

    String string(String name, String fallback) {
      String value = values.get(name);
      return value == null || value.isBlank() ? fallback : value.trim();
    }

    /** Strict: a typo must not silently switch a feature (or public read) on or off. */
    boolean bool(String name, boolean fallback) {
      String value = string(name, null);
      if (value == null) {
        return fallback;
      }
      return switch (value.toLowerCase(Locale.ROOT)) {
        case "true" -> true;
        case "false" -> false;
        default ->
            throw new IllegalArgumentException(
                name + " must be true or false, was '" + value + "'");
      };
    }

    int integer(String name, int fallback) {
      String value = string(name, null);
      if (value == null) {
        return fallback;
      }
      try {
        return Integer.parseInt(value);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(name + " must be an integer, was '" + value + "'", e);
      }
    }
  }
}
