package dev.livescoreboard.infra.servers;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A real PostgreSQL 17 server (zonky's binaries from Maven Central) on loopback. The data
 * directory survives {@link #close()}, so a restart of the local stack keeps its scores.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

  public static final String USER = "postgres";
  public static final String PASSWORD = "postgres";

  private final EmbeddedPostgres postgres;

  private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
    this.postgres = postgres;
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
      return new EmbeddedPostgresServer(builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException("could not start embedded PostgreSQL in " + dataDir, e);
    }
  }

  public int port() {
    return postgres.getPort();
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
