package dev.livescoreboard.infra.servers;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A real PostgreSQL 17 server (zonky's binaries from Maven Central) on loopback. The data directory
 * survives {@link #close()}, so a restart of the local stack keeps its scores.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

  public static final String USER = "postgres";
  public static final String PASSWORD = "postgres";

  private final EmbeddedPostgres postgres;
  private final Path dataDir;

  private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDir) {
    this.postgres = postgres;
    this.dataDir = dataDir;
  }

  /**
   * Starts PostgreSQL with its cluster in {@code dataDir} (created on first start) and its
   * extracted binaries in {@code binariesDir}.
   *
   * @param port the port, or 0 for any free port
   * @param settings extra server settings (e.g. {@code fsync=off} for throwaway test data)
   */
  public static EmbeddedPostgresServer start(
      Path dataDir, Path binariesDir, int port, Map<String, String> settings) {
    try {
      Files.createDirectories(dataDir);
      Files.createDirectories(binariesDir);
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDir)
              .setCleanDataDirectory(false)
              .setOverrideWorkingDirectory(binariesDir.toFile())
              .setPort(FreePorts.pick(port))
              .setServerConfig("max_connections", "300")
              .setServerConfig("listen_addresses", "127.0.0.1");
      settings.forEach(builder::setServerConfig);
      return new EmbeddedPostgresServer(builder.start(), dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start embedded PostgreSQL in " + dataDir, e);
    }
  }

  public int port() {
    return postgres.getPort();
  }

  /**
   * The postmaster's process id (first line of {@code postmaster.pid}); the backends and background
   * workers are its child processes.
   */
  public long pid() {
    try {
      return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
    } catch (IOException e) {
      throw new UncheckedIOException("PostgreSQL in " + dataDir + " has no postmaster.pid", e);
    }
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
  }

  /** Creates {@code database} unless it exists. */
  public void createDatabaseIfMissing(String database) {
    Databases.createIfMissing(jdbcUrl("postgres"), USER, PASSWORD, database);
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
