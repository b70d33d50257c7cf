/**
 * The benchmark's command: options, the system under test (a fresh local stack or a running one),
 * the simulated players, process statistics, and the run that ties the phases together.
 *
 * <p>Concurrency: the run itself is sequential (stack → users → fleet → mixed load → closed-loop
 * GETs → ceilings → report); inside the load phase (warm-up ramp, then the measured window), pacers
 * and Netty event loops do the work and a one-thread timer begins, samples and ends the process
 * statistics and Prometheus scrapes exactly at the window's edges. A goodput curve ({@code
 * --curve=…}) runs instead stack → users → one action load over the warm-up, the steps and the
 * recovery step, with a one-thread timer beginning and ending each step's process statistics at its
 * edges.
 *
 * <p>Guarantees: the bench never writes to a board's data outside its own fresh users (the Postgres
 * ceiling works in a separate schema), never lets a per-user rate limit trip (users are played
 * round-robin at most 8 actions per minute, a curve's users sized for its highest step), and stops
 * the local stack it started (also on SIGTERM; its Kafka broker JVM and WebSocket client JVMs also
 * stop when the bench's pipes close) and removes its data folder.
 */
package dev.livescoreboard.bench;
