package dev.livescoreboard.bench.ceiling;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A private copy of the write path's tables ({@code LIKE … INCLUDING ALL} plus the same foreign
 * keys) in schema {@code bench_ceiling}, so the ceiling runs the real transaction shape without
 * touching the stack's data or waking its outbox relay.
 */
final class CeilingSchema {

  static final String SCHEMA = "bench_ceiling";
  static final int USERS = 10_000;

  private CeilingSchema() {}

  /** A copy of a per-user table whose board and user keys point into the copied schema. */
  private static String copyOfUserTable(String schema, String table) {
    return "CREATE TABLE %1$s.%2$s (LIKE public.%2$s INCLUDING ALL,".formatted(schema, table)
        + " FOREIGN KEY (board_id) REFERENCES %1$s.boards (id),".formatted(schema)
        + " FOREIGN KEY (user_id) REFERENCES %1$s.users (id))".formatted(schema);
  }

  static void create(Connection c) throws SQLException {
    String s = SCHEMA;
    try (Statement st = c.createStatement()) {
      st.execute("DROP SCHEMA IF EXISTS " + s + " CASCADE");
      st.execute("CREATE SCHEMA " + s);
      st.execute("CREATE TABLE " + s + ".boards (LIKE public.boards INCLUDING ALL)");
      st.execute("CREATE TABLE " + s + ".users (LIKE public.users INCLUDING ALL)");
      st.execute(copyOfUserTable(s, "user_scores"));
      st.execute(copyOfUserTable(s, "score_events"));
      st.execute("CREATE TABLE " + s + ".outbox (LIKE public.outbox INCLUDING ALL)");
      // LIKE keeps the default nextval of the stack's own sequence; give the copy its own.
      st.execute("CREATE SEQUENCE " + s + ".outbox_id_seq OWNED BY " + s + ".outbox.id");
      st.execute(
          "ALTER TABLE "
              + s
              + ".outbox ALTER COLUMN id SET DEFAULT nextval('"
              + s
              + ".outbox_id_seq')");
      st.execute("INSERT INTO " + s + ".boards SELECT * FROM public.boards");
      st.execute(
          "CREATE TABLE %1$s.seasons (LIKE public.seasons INCLUDING ALL,".formatted(s)
              + " FOREIGN KEY (board_id) REFERENCES %1$s.boards (id))".formatted(s));
      st.execute("INSERT INTO " + s + ".seasons SELECT * FROM public.seasons");
      st.execute(
          "INSERT INTO "
              + s
              + ".users (id, display_name) SELECT 'ceiling-' || g, 'Ceiling ' || g"
              + " FROM generate_series(1, "
              + USERS
              + ") g");
      st.execute("ANALYZE " + s + ".users");
    }
  }

  static void drop(Connection c) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
    }
  }
}
