/**
 * Fault drills (issue 14, SPEC §10): a stack of its own ({@link
 * dev.livescoreboard.system.drill.DrillStacks}), a steady load of players who retry as README says
 * ({@link dev.livescoreboard.system.drill.SteadyLoad}, {@link
 * dev.livescoreboard.system.drill.DrillPlayer}), live viewers that reconnect and resync ({@link
 * dev.livescoreboard.system.drill.Viewer}), the faults ({@link
 * dev.livescoreboard.system.drill.Faults}) and what must hold after each ({@link
 * dev.livescoreboard.system.drill.PipelineChecks}); the table of faults, actions and outcomes
 * ({@link dev.livescoreboard.system.drill.DrillTable}).
 *
 * <p>Threads: the test thread injects faults and runs the checks; the players' answers are handled
 * on the load's one loop thread, which owns every player's pacing; each viewer reconnects on a
 * thread of its own. The {@link dev.livescoreboard.system.drill.ActionLog} is the only state they
 * share, and it is thread-safe.
 *
 * <p>State is built only through the write API; PostgreSQL, Kafka and the projector's metrics are
 * read only, to verify.
 */
package dev.livescoreboard.system.drill;
