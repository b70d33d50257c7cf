package dev.livescoreboard.command.outbox;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends outbox rows. Must run inside the transaction whose outcome the message reports, as its
 * last statement: {@code created_at} is the wall-clock time of the insert (not the transaction's
 * start), so the relay's lag metric runs from just before the commit to Kafka's acknowledgement.
 *
 * <p>Once the transaction commits, the writing thread wakes this instance's relay: that wake-up is
 * how a committed row reaches the relay (see the package docs).
 */
@Repository
public class Outbox {

  private final JdbcClient jdbc;
  // One instance: registered again in the same transaction, it still runs once (a set).
  private final TransactionSynchronization wakeRelayAfterCommit;

  Outbox(JdbcClient jdbc, OutboxRelay relay) {
    this.jdbc = jdbc;
    this.wakeRelayAfterCommit =
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            relay.wake();
          }
        };
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void append(OutboxMessage message) {
    jdbc.sql(
            """
            INSERT INTO outbox (aggregatetype, aggregateid, type, payload, traceparent, created_at)
            VALUES (:aggregateType, :aggregateId, :type, :payload, :traceparent, clock_timestamp())
            """)
        .paramSource(message)
        .update();
    TransactionSynchronizationManager.registerSynchronization(wakeRelayAfterCommit);
  }
}
