package dev.livescoreboard.command.anomaly;

import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/v1/admin/flags/{id}/resolve} (optional).
 *
 * @param note why the operator resolved it (false positive, frozen, ...), at most 500 characters
 */
record ResolveFlagRequest(@Size(max = 500) String note) {}
