package dev.livescoreboard.infra.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import redis.clients.jedis.RedisClient;
import redis.embedded.RedisServer;

/**
 * A real redis-server (the binary shipped in codemonstur's embedded-redis) on loopback, with its
 * append-only file in a data directory so a restart keeps the read model.
 */
public final class EmbeddedRedisServer implements AutoCloseable {

  private final RedisServer redis;
  private final int port;

  private EmbeddedRedisServer(RedisServer redis, int port) {
    this.redis = redis;
    this.port = port;
  }

  /**
   * Starts redis-server.
   *
   * @param dataDir where the append-only file lives
   * @param port the port, or 0 for any free port
   * @param persistent whether to write an append-only file (off for throwaway test data)
   */
  public static EmbeddedRedisServer start(Path dataDir, int port, boolean persistent) {
    int chosen = FreePorts.pick(port);
    try {
      Files.createDirectories(dataDir);
      RedisServer redis =
          RedisServer.newRedisServer()
              .port(chosen)
              .bind("127.0.0.1")
              .setting("dir " + dataDir.toAbsolutePath())
              .setting("appendonly " + (persistent ? "yes" : "no"))
              .setting("save \"\"")
              .setting("maxclients 10000")
              .build();
      redis.start();
      return new EmbeddedRedisServer(redis, chosen);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start embedded Redis on port " + chosen, e);
    }
  }

  public int port() {
    return port;
  }

  /** redis-server's process id, as it reports it ({@code INFO server}, {@code process_id}). */
  public long pid() {
    try (RedisClient client = RedisClient.create("127.0.0.1", port)) {
      return Long.parseLong(
          client
              .info("server")
              .lines()
              .filter(line -> line.startsWith("process_id:"))
              .map(line -> line.substring("process_id:".length()).trim())
              .findFirst()
              .orElseThrow(() -> new IllegalStateException("INFO server has no process_id")));
    }
  }

  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  @Override
  public void close() {
    try {
      redis.stop();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
