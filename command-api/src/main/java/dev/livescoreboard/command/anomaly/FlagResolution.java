package dev.livescoreboard.command.anomaly;

import dev.livescoreboard.command.auditlog.AdminAuditLog;
import dev.livescoreboard.command.problem.ApiException;
import dev.livescoreboard.events.ErrorCode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An operator resolving a flag: the change and its audit row in one transaction. */
@Service
class FlagResolution {

  private final AnomalyFlags flags;
  private final AdminAuditLog audit;
  private final Clock clock;

  FlagResolution(AnomalyFlags flags, AdminAuditLog audit, Clock clock) {
    this.flags = flags;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Resolves flag {@code id} as {@code actor}.
   *
   * @throws ApiException {@code NOT_FOUND} (no such flag), {@code FLAG_ALREADY_RESOLVED}
   */
  @Transactional
  Flag resolve(long id, String actor, String note) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    Flag resolved =
        flags
            .resolve(id, actor, note, now)
            .orElseThrow(
                () ->
                    flags.find(id).isPresent()
                        ? new ApiException(
                            ErrorCode.FLAG_ALREADY_RESOLVED, "flag " + id + " is resolved already")
                        : new ApiException(ErrorCode.NOT_FOUND, "no anomaly flag " + id));
    audit.record(
        actor,
        "FLAG_RESOLVED",
        "flag:" + id,
        note,
        Map.of("userId", resolved.userId(), "reason", resolved.reason()));
    return resolved;
  }
}
