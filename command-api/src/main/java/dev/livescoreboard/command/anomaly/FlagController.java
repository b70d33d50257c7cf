package dev.livescoreboard.command.anomaly;

import dev.livescoreboard.command.auth.AuthenticatedUser;
import dev.livescoreboard.command.problem.ApiException;
import dev.livescoreboard.events.ErrorCode;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The anomaly job's flags for operators: list them, resolve one. */
@RestController
class FlagController {

  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 100;

  private final AnomalyFlags flags;
  private final FlagResolution resolution;

  FlagController(AnomalyFlags flags, FlagResolution resolution) {
    this.flags = flags;
    this.resolution = resolution;
  }

  @Operation(summary = "Anomaly flags, newest first, cursor-paged (status open, resolved or all)")
  @GetMapping("/api/v1/admin/flags")
  FlagPage list(
      @RequestParam(required = false) String status,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) String cursor) {
    String filter = statusFilter(status == null ? Flag.OPEN : status);
    int pageSize = limit == null ? DEFAULT_LIMIT : limit;
    if (pageSize < 1 || pageSize > MAX_LIMIT) {
      throw new ApiException(ErrorCode.VALIDATION_FAILED, "limit: must be 1.." + MAX_LIMIT);
    }
    Long before = cursor == null ? null : FlagCursor.decode(cursor).lastId();
    // One row more than asked tells whether another page follows.
    List<Flag> rows = flags.page(filter, before, pageSize + 1);
    if (rows.size() <= pageSize) {
      return new FlagPage(rows, null);
    }
    List<Flag> page = List.copyOf(rows.subList(0, pageSize));
    return new FlagPage(page, new FlagCursor(page.get(pageSize - 1).id()).encode());
  }

  @Operation(summary = "Resolve an open anomaly flag, with an optional note (audited)")
  @PostMapping("/api/v1/admin/flags/{id}/resolve")
  Flag resolve(
      @PathVariable String id,
      @Valid @RequestBody(required = false) ResolveFlagRequest request,
      AuthenticatedUser caller) {
    long flagId = parseId(id);
    String note = request == null ? null : request.note();
    return resolution.resolve(flagId, caller.userId(), note);
  }

  /** {@code null} for all, else the status itself. */
  private static String statusFilter(String status) {
    return switch (status) {
      case Flag.OPEN, Flag.RESOLVED -> status;
      case "all" -> null;
      default ->
          throw new ApiException(
              ErrorCode.VALIDATION_FAILED, "status: must be open, resolved or all");
    };
  }

  private static long parseId(String id) {
    try {
      long parsed = Long.parseLong(id);
      if (parsed > 0) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // Not an id this service hands out: no such flag.
    }
    throw new ApiException(ErrorCode.NOT_FOUND, "no such anomaly flag");
  }
}
