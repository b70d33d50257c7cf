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

  // INSERT … SELECT rather than VALUES, so that a larger statement can append from its own rows.
  private static final String INSERT =
      """
      INSERT INTO outbox (aggregatetype, aggregateid, type, payload, traceparent, created_at)
      SELECT :aggregateType, :aggregateId, :type, :payload, :traceparent, clock_timestamp()""";

  @Transactional(propagation = Propagation.MANDATORY)
  public void append(OutboxMessage message) {
    appending(jdbc.sql(INSERT), message).update();
  }

  /**
   * The SQL that appends a message as the last step of a larger statement (e.g. after the writable
   * common table expressions of its other changes): one outbox row per row of {@code source}, none
   * if it is empty. Bind the message with {@link #appending}.
   */
  public static String appendFrom(String source) {
    return INSERT + " FROM " + source;
  }

  /**
   * Binds {@code message} to a statement built with {@link #appendFrom} (or this class's own) and,
   * as {@link #append} does, wakes the relay once the caller's transaction commits.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public JdbcClient.StatementSpec appending(
      JdbcClient.StatementSpec statement, OutboxMessage message) {
    TransactionSynchronizationManager.registerSynchronization(wakeRelayAfterCommit);
    return statement
        .param("aggregateType", message.aggregateType())
        .param("aggregateId", message.aggregateId())
        .param("type", message.type())
        .param("payload", message.payload())
        .param("traceparent", message.traceparent());
  }
}
