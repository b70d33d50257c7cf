package dev.livescoreboard.command.auditlog;

import dev.livescoreboard.events.EventJson;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Writes the {@code admin_audit} row of an operator's change, in the change's transaction. */
@Component
public class AdminAuditLog {

  private final JdbcClient jdbc;

  AdminAuditLog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Records that admin {@code actor} did {@code action} (UPPER_SNAKE, e.g. {@code BOARD_DEFINED})
   * to {@code target} ({@code board:<id>}, {@code user:<id>}, ...), because of {@code reason} (may
   * be {@code null}), with {@code details} as JSON.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void record(
      String actor, String action, String target, String reason, Map<String, ?> details) {
    jdbc.sql(
            """
            INSERT INTO admin_audit (actor, action, target, reason, details)
            VALUES (:actor, :action, :target, :reason, CAST(:details AS jsonb))
            """)
        .param("actor", actor)
        .param("action", action)
        .param("target", target)
        .param("reason", reason)
        .param("details", EventJson.toJson(details))
        .update();
  }
}
