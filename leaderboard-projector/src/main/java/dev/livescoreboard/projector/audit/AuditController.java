package dev.livescoreboard.projector.audit;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/admin/audit}: the consistency audit as JSON, 200 whether or not it found
 * drift ({@code ok} says). Requires the admin JWT (the {@code auth} package's interceptor).
 */
@RestController
class AuditController {

  private final ConsistencyAudit audit;

  AuditController(ConsistencyAudit audit) {
    this.audit = audit;
  }

  @PostMapping("/api/v1/admin/audit")
  AuditReport audit() {
    return audit.run();
  }
}
