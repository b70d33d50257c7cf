package dev.livescoreboard.testsupport;

import dev.livescoreboard.infra.servers.EmbeddedRedisServer;
import java.net.URI;
import java.nio.file.Path;

/**
 * A real redis-server for tests, one per test JVM; callers isolate themselves with {@link
 * #newKeyPrefix()}. Set {@code SCOREBOARD_TEST_REDIS_URL} ({@code redis://host:port}) to use an
 * existing server instead.
 */
public final class TestRedis {

  private static TestRedis shared;

  private final URI url;

  private TestRedis(URI url) {
    this.url = url;
  }

  /** The JVM's Redis, started on first use. */
  public static synchronized TestRedis shared() {
    if (shared == null) {
      shared = start();
    }
    return shared;
  }

  private static TestRedis start() {
    String external = System.getenv("SCOREBOARD_TEST_REDIS_URL");
    if (external != null && !external.isBlank()) {
      return new TestRedis(URI.create(external));
    }
    Path run = TestDirectories.newRunDirectory("redis");
    EmbeddedRedisServer server = EmbeddedRedisServer.start(run, 0, false);
    TestDirectories.stopAtExit(server, run);
    return new TestRedis(URI.create(server.url()));
  }

  /**
   * A redis-server of the caller's own, not the shared one, for a test that stops or freezes it;
   * the caller closes it.
   */
  public static EmbeddedRedisServer startOwnServer(String name) {
    return EmbeddedRedisServer.start(TestDirectories.shared(UniqueNames.of(name)), 0, false);
  }

  /** {@code redis://host:port}. */
  public String url() {
    return url.toString();
  }

  public String host() {
    return url.getHost();
  }

  public int port() {
    return url.getPort();
  }

  /** A key prefix (ending in {@code :}) no other test uses. */
  public String newKeyPrefix() {
    return UniqueNames.of("t") + ":";
  }
}
