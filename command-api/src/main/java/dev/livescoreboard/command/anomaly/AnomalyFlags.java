package dev.livescoreboard.command.anomaly;

import dev.livescoreboard.events.EventJson;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;

/** The {@code anomaly_flags} table. */
@Repository
class AnomalyFlags {

  /** Taken by a scan for its transaction: one scan at a time across every instance. */
  static final long SCAN_LOCK_KEY = 0x5C0_A40A1L;

  private static final String COLUMNS =
      "id, user_id, reason, details, flagged_at, status, resolved_by, resolved_at, resolution_note";

  private final JdbcClient jdbc;

  AnomalyFlags(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Whether this transaction got the scan lock (another instance may be scanning). */
  boolean tryScanLock() {
    return jdbc.sql("SELECT pg_try_advisory_xact_lock(:key)")
        .param("key", SCAN_LOCK_KEY)
        .query(Boolean.class)
        .single();
  }

  /** A new open flag, or empty if the user already has an open one for the reason. */
  Optional<Flag> open(Suspicion suspicion, Instant now) {
    return jdbc.sql(
            "INSERT INTO anomaly_flags (user_id, reason, details, flagged_at)"
                + " VALUES (:user, :reason, CAST(:details AS jsonb), :now)"
                + " ON CONFLICT (user_id, reason) WHERE status = 'open' DO NOTHING"
                + " RETURNING "
                + COLUMNS)
        .param("user", suspicion.userId())
        .param("reason", suspicion.reason().name())
        .param("details", EventJson.toJson(suspicion.details()))
        .param("now", utc(now))
        .query(AnomalyFlags::map)
        .optional();
  }

  Optional<Flag> find(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM anomaly_flags WHERE id = :id")
        .param("id", id)
        .query(AnomalyFlags::map)
        .optional();
  }

  /**
   * Flags with {@code status} ({@code null}: any), newest first, with ids below {@code beforeId}
   * ({@code null}: from the newest).
   */
  List<Flag> page(String status, Long beforeId, int limit) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM anomaly_flags"
                + " WHERE (CAST(:status AS varchar) IS NULL OR status = :status)"
                + " AND (CAST(:before AS bigint) IS NULL OR id < :before)"
                + " ORDER BY id DESC LIMIT :limit")
        .param("status", status)
        .param("before", beforeId)
        .param("limit", limit)
        .query(AnomalyFlags::map)
        .list();
  }

  /** Resolves an open flag; empty if there is no such flag or it is resolved already. */
  Optional<Flag> resolve(long id, String actor, String note, Instant now) {
    return jdbc.sql(
            "UPDATE anomaly_flags SET status = 'resolved', resolved_by = :actor,"
                + " resolved_at = :now, resolution_note = :note"
                + " WHERE id = :id AND status = 'open' RETURNING "
                + COLUMNS)
        .param("actor", actor)
        .param("now", utc(now))
        .param("note", note)
        .param("id", id)
        .query(AnomalyFlags::map)
        .optional();
  }

  private static Flag map(ResultSet rs, int row) throws SQLException {
    return new Flag(
        rs.getLong("id"),
        rs.getString("user_id"),
        rs.getString("reason"),
        EventJson.fromJson(rs.getString("details"), JsonNode.class),
        instant(rs.getTimestamp("flagged_at")),
        rs.getString("status"),
        rs.getString("resolved_by"),
        instant(rs.getTimestamp("resolved_at")),
        rs.getString("resolution_note"));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
