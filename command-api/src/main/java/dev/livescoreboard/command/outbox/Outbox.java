package dev.livescoreboard.command.outbox;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Appends outbox rows. Must run inside the transaction whose outcome the message reports. */
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
            INSERT INTO outbox (aggregatetype, aggregateid, type, payload, traceparent)
            VALUES (:aggregateType, :aggregateId, :type, :payload, :traceparent)
            """)
        .paramSource(message)
        .update();
  }
}
