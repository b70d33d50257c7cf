package dev.livescoreboard.command.outbox;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends outbox rows. Must run inside the transaction whose outcome the message reports, as its
 * last statement: {@code created_at} is the wall-clock time of the insert (not the transaction's
 * start), so the relay's lag metric runs from just before the commit to Kafka's acknowledgement.
 */
@Repository
public class Outbox {

  private final JdbcClient jdbc;

  Outbox(JdbcClient jdbc) {
    this.jdbc = jdbc;
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
  }
}
