package dev.livescoreboard.projector.rebuild;

import dev.livescoreboard.testsupport.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Timestamp;
import java.time.Instant;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A fresh PostgreSQL database with command-api's real schema (its Liquibase changelog, read from
 * the sibling module so the projector is tested against exactly what command-api creates), plus
 * seeding helpers that write what command-api would have committed.
 */
public final class ScoreboardDatabase {

  static final String CHANGELOG = "db/changelog/db.changelog-master.yaml";

  public final TestPostgres.Database db;
  public final JdbcTemplate jdbc;

  private ScoreboardDatabase(TestPostgres.Database db) {
    this.db = db;
    this.jdbc =
        new JdbcTemplate(new DriverManagerDataSource(db.jdbcUrl(), db.username(), db.password()));
  }

  public static ScoreboardDatabase create() {
    return create(TestPostgres.shared().newDatabase());
  }

  /** command-api's schema in {@code db}, e.g. a database on a test's own server. */
  public static ScoreboardDatabase create(TestPostgres.Database db) {
    migrate(db);
    return new ScoreboardDatabase(db);
  }

  @SuppressWarnings("deprecation") // the Liquibase facade is the shortest correct call
  private static void migrate(TestPostgres.Database db) {
    Path resources = Path.of("..", "command-api", "src", "main", "resources").toAbsolutePath();
    if (!Files.isRegularFile(resources.resolve(CHANGELOG))) {
      throw new IllegalStateException("command-api's changelog not found under " + resources);
    }
    try (Connection connection =
            DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
        DirectoryResourceAccessor accessor = new DirectoryResourceAccessor(resources)) {
      Database database =
          DatabaseFactory.getInstance()
              .findCorrectDatabaseImplementation(new JdbcConnection(connection));
      new Liquibase(CHANGELOG, accessor, database).update(new Contexts(), new LabelExpression());
    } catch (Exception e) {
      throw new IllegalStateException("could not create command-api's schema", e);
    }
  }

  public void board(String id) {
    jdbc.update("INSERT INTO boards (id, title) VALUES (?, ?) ON CONFLICT DO NOTHING", id, id);
  }

  /** A board as command-api stores it after a {@code PUT} that set its top-N size. */
  void board(String id, int topN) {
    jdbc.update(
        "INSERT INTO boards (id, title, top_n) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
        id,
        id,
        topN);
  }

  public void user(String id, String displayName, String status, boolean isPublic) {
    jdbc.update(
        "INSERT INTO users (id, display_name, status, public) VALUES (?, ?, ?, ?)",
        id,
        displayName,
        status,
        isPublic);
  }

  /** An operator's change of a user's row (status, name, visibility). */
  void change(String id, String displayName, String status, boolean isPublic) {
    jdbc.update(
        "UPDATE users SET display_name = ?, status = ?, public = ? WHERE id = ?",
        displayName,
        status,
        isPublic,
        id);
  }

  /** What command-api's transaction leaves behind after {@code version} changes. */
  /**
   * Runs {@code writes} as one transaction, so a projector reading meanwhile sees all or none of
   * them (e.g. a lost-data rebuild must not catch half of a board).
   */
  void inOneTransaction(Runnable writes) {
    new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()))
        .executeWithoutResult(status -> writes.run());
  }

  void score(
      String board, String season, String user, long score, long version, Instant reachedAt) {
    jdbc.update(
        """
        INSERT INTO user_scores (board_id, season, user_id, score, version, reached_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (board_id, season, user_id) DO UPDATE
          SET score = excluded.score, version = excluded.version,
              reached_at = excluded.reached_at, updated_at = excluded.updated_at
        """,
        board,
        season,
        user,
        score,
        version,
        Timestamp.from(reachedAt),
        Timestamp.from(Instant.now()));
  }
}
