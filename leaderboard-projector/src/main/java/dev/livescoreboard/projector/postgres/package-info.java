/**
 * PostgreSQL reads shared by the rebuild and the audit (which must not depend on each other), and
 * the pool they read through.
 *
 * <p><b>A hung PostgreSQL (SPEC §10).</b> The projector needs PostgreSQL only for its jobs
 * (rebuild, lost-board check, reconciliation, audit), never to project. Every wait on it is bounded
 * ({@code spring.datasource.*} in {@code application.yml}): a connection is handed out only after
 * PostgreSQL answered a 1 s probe on it ({@link
 * dev.livescoreboard.projector.postgres.ProbingDataSource}), or the wait for one ends after {@code
 * connection-timeout} (2 s); so an admin request made while PostgreSQL hangs answers 503 {@code
 * UNAVAILABLE} with {@code Retry-After} within about 3 s, and a scheduled job fails and runs again
 * at its next turn (the scheduler's one thread, fixed delay: jobs never pile up). A job whose
 * statement is already in flight when PostgreSQL hangs holds its connection and thread until the
 * driver's {@code socketTimeout} (30 s: its first rows may legitimately take seconds on a large
 * board). {@code /actuator/health} shows PostgreSQL ({@code db}, DOWN within the probe's bound),
 * but the readiness and liveness groups the probes use do not: projecting goes on without it.
 */
package dev.livescoreboard.projector.postgres;
