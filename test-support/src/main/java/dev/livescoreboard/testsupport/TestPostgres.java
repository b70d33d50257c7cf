package dev.livescoreboard.testsupport;

import dev.livescoreboard.infra.servers.Databases;
import dev.livescoreboard.infra.servers.EmbeddedPostgresServer;
import java.nio.file.Path;
import java.util.Map;

/**
 * A real PostgreSQL for tests, one per test JVM, handing each caller its own fresh database.
 *
 * <p>Embedded PostgreSQL 17 by default; set {@code SCOREBOARD_TEST_POSTGRES_URL} (a JDBC URL of a
 * database to connect to for {@code CREATE DATABASE}) plus {@code SCOREBOARD_TEST_POSTGRES_USER}
 * and {@code SCOREBOARD_TEST_POSTGRES_PASSWORD} to use an existing server instead.
 */
public final class TestPostgres {

  /** Connection details of one fresh database. */
  public record Database(String jdbcUrl, String username, String password) {}

  private static TestPostgres shared;

  private final String adminUrl;
  private final String username;
  private final String password;

  private TestPostgres(String adminUrl, String username, String password) {
    this.adminUrl = adminUrl;
    this.username = username;
    this.password = password;
  }

  /** The JVM's PostgreSQL, started on first use. */
  public static synchronized TestPostgres shared() {
    if (shared == null) {
      shared = start();
    }
    return shared;
  }

  private static TestPostgres start() {
    String external = System.getenv("SCOREBOARD_TEST_POSTGRES_URL");
    if (external != null && !external.isBlank()) {
      return new TestPostgres(
          external,
          System.getenv().getOrDefault("SCOREBOARD_TEST_POSTGRES_USER", "postgres"),
          System.getenv().getOrDefault("SCOREBOARD_TEST_POSTGRES_PASSWORD", "postgres"));
    }
    Path run = TestDirectories.newRunDirectory("postgres");
    // Test data is thrown away, so durability settings only cost time here.
    EmbeddedPostgresServer server =
        EmbeddedPostgresServer.start(
            run.resolve("data"),
            TestDirectories.shared("pg-binaries"),
            0,
            Map.of("fsync", "off", "synchronous_commit", "off", "full_page_writes", "off"));
    TestDirectories.stopAtExit(server, run);
    return new TestPostgres(
        server.jdbcUrl("postgres"), EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
  }

  /**
   * A PostgreSQL server of the caller's own, not the shared one, for a test that stops, restarts or
   * freezes it; the caller closes it. {@code fsync} is off (throwaway data), but commits wait for
   * their WAL as in production ({@code synchronous_commit} on, which zonky's default turns off).
   *
   * @param dataDir the cluster's folder (a restart with the same folder keeps the data)
   * @param port the port, or 0 for any free port
   */
  public static EmbeddedPostgresServer startOwnServer(Path dataDir, int port) {
    return EmbeddedPostgresServer.start(
        dataDir,
        TestDirectories.shared("pg-binaries"),
        port,
        Map.of("fsync", "off", "synchronous_commit", "on"));
  }

  /** Creates a database no other test uses. */
  public Database newDatabase() {
    String name = UniqueNames.of("scoreboard");
    Databases.createIfMissing(adminUrl, username, password, name);
    return new Database(Databases.withDatabase(adminUrl, name), username, password);
  }
}
