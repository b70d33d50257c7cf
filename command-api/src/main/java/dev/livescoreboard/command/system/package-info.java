/**
 * Small infrastructure pieces several features share (no feature logic), and the one guarantee they
 * exist for: bounded waits on every dependency.
 *
 * <p><b>Bounded waits (SPEC §10).</b> A dependency that hangs (accepts connections, answers
 * nothing, as a SIGSTOPped server does) costs no request more than about 3 s, within SPEC §10's 5
 * s: it answers 503 {@code UNAVAILABLE} with {@code Retry-After} (the {@code problem} package maps
 * every database failure) or is served without the dependency, and no thread or pool waits without
 * end. Nothing is set up to resume: the next request after the dependency answers again simply
 * succeeds.
 *
 * <ul>
 *   <li>PostgreSQL ({@code spring.datasource.*} in {@code application.yml}, each value with its
 *       reason): a connection is waited for at most {@code connection-timeout} (2 s) and an idle
 *       one is checked with a bound of its own ({@code validation-timeout}, 1 s); a statement or
 *       COMMIT in flight when PostgreSQL hangs ends with the driver's {@code socketTimeout} (3 s),
 *       which closes that connection so the pool drops it, never leaving one stuck; a server that
 *       is slow but alive cancels a statement itself after {@code statement_timeout} (2.5 s),
 *       freeing its locks. A Spring transaction timeout is not used: pgjdbc enforces it with a
 *       cancel request over a new connection, which a hung server leaves unanswered as well, and it
 *       would cut the outbox relay's transaction, which waits for Kafka by design. Background jobs
 *       whose statements legitimately run longer (the anomaly scan) use {@link
 *       dev.livescoreboard.command.system.LongTransactions} ({@code scoreboard.jobs.*}, 60 s);
 *       Liquibase migrates over a connection of its own without these bounds.
 *   <li>A transaction commits or does not: nothing half-written. The one ambiguous case is a COMMIT
 *       that PostgreSQL carried out but whose answer did not come back before the socket timeout:
 *       the client gets 503 although the action counted. Retrying is safe: with the same {@code
 *       Idempotency-Key} it replays the original answer, without one the consumed action token is
 *       refused ({@code 409 ACTION_ALREADY_COMPLETED}); either way it counts once ({@code
 *       PostgresHungIT} shows both).
 *   <li>Redis (package {@code redis}): every command has a 250 ms bound and an in-process fallback;
 *       writes go on with per-instance rate limits and revocation checks fail open.
 *   <li>Kafka (package {@code outbox}): no request waits for Kafka; writes commit their outbox row
 *       and the relay falls behind. Its thread gives up on a batch not acknowledged within {@code
 *       send-timeout} (the producer's own bounds: {@code max.block.ms}, {@code request.timeout.ms},
 *       {@code delivery.timeout.ms}), rolls back and tries again, so the backlog is published once
 *       Kafka answers again.
 *   <li>Health: each component of {@code /actuator/health} that asks a dependency answers within
 *       {@code scoreboard.health.timeout} (1 s) through {@link
 *       dev.livescoreboard.command.system.BoundedHealthIndicator}, DOWN when the dependency did not
 *       answer in time; Redis is not a component, since command-api serves without it.
 * </ul>
 */
package dev.livescoreboard.command.system;
