/**
 * The benchmark's command: options, the system under test (a fresh local stack or a running one),
 * the simulated players, process statistics, and the run that ties the phases together.
 *
 * <p>Concurrency: the run itself is sequential (stack → users → fleet → mixed load → closed-loop
 * GETs → ceilings → report); inside the load phase, pacers and Netty event loops do the work and
 * a one-thread timer samples process memory.
 *
 * <p>Guarantees: the bench never writes to a board's data outside its own fresh users (the
 * Postgres ceiling works in a separate schema), never lets a per-user rate limit trip (users are
 * played round-robin at most 8 actions per minute), and removes the local stack's data folder.
 */
package dev.livescoreboard.bench;
