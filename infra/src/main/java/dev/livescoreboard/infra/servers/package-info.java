/**
 * Embedded servers for the local stack and the tests: PostgreSQL and Redis as child processes of
 * real binaries, and a single-node KRaft Kafka broker either in this JVM ({@link
 * dev.livescoreboard.infra.servers.EmbeddedKafkaBroker}) or in a child JVM of its own ({@link
 * dev.livescoreboard.infra.servers.KafkaBrokerProcess}). Every child JVM (the broker, the services,
 * the bench's client fleet) is launched by {@link dev.livescoreboard.infra.servers.JavaMainCommand}
 * or as a jar, and started and stopped as a {@link dev.livescoreboard.infra.servers.ChildProcess}.
 *
 * <p>Concurrency: starting and stopping happen on the caller's thread; a child JVM's stdout is
 * drained by one daemon thread. Guarantees: a server started here is stopped by its {@code
 * close()}; a child broker JVM also stops by itself when its parent's pipe closes, so it never
 * outlives a parent that was killed.
 */
package dev.livescoreboard.infra.servers;
