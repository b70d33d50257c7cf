package dev.livescoreboard.infra.servers;

import java.sql.DriverManager;
import java.sql.SQLException;

/** Creating databases on any PostgreSQL server, embedded or external. */
public final class Databases {

  private Databases() {}

  /**
   * Creates {@code database} on the server of {@code url} unless it exists.
   *
   * @param url a JDBC URL of any database on that server, to connect to
   * @param database lower-case letters, digits and underscores
   */
  public static void createIfMissing(String url, String user, String password, String database) {
    if (!database.matches("[a-z0-9_]+")) {
      throw new IllegalArgumentException("database names are [a-z0-9_]+: " + database);
    }
    try (var connection = DriverManager.getConnection(url, user, password);
        var exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      exists.setString(1, database);
      if (!exists.executeQuery().next()) {
        // Identifiers cannot be bound as parameters; the name was checked above.
        connection.createStatement().execute("CREATE DATABASE " + database);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not create database " + database, e);
    }
  }

  /** {@code url} with its database name replaced by {@code database}, query kept. */
  public static String withDatabase(String url, String database) {
    return url.replaceFirst("/[^/?]*(\\?|$)", "/" + database + "$1");
  }
}
