/**
 * The operator's consistency-audit command: calls the projector's {@code POST /api/v1/admin/audit}
 * with an admin token ({@code SCOREBOARD_ADMIN_TOKEN}, or minted by the local stack's dev auth
 * server), prints the JSON report and turns it into an exit code: 0 consistent, 1 drift, 2 the
 * audit could not run. Runs on the caller's thread; holds no state. The audit itself is the
 * projector's (it owns the read model); this package only calls it.
 */
package dev.livescoreboard.infra.audit;
