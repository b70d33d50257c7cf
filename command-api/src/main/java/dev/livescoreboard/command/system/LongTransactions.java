package dev.livescoreboard.command.system;

import java.time.Duration;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Transactions of background jobs whose statements may run longer than any request's (an aggregate
 * over hours of events): for this one transaction, PostgreSQL's {@code statement_timeout} ({@code
 * SET LOCAL}, gone when it ends) and the connection's socket timeout (the pool restores it when the
 * connection comes back) are raised to {@code scoreboard.jobs.statement-timeout}. The socket still
 * outlasts the statement, so a slow statement is ended by the server, and a hung server frees the
 * job's connection and thread within the same bound.
 */
@Component
public class LongTransactions {

  /** How much longer the socket waits than the server lets a statement run. */
  private static final Duration SOCKET_MARGIN = Duration.ofSeconds(1);

  private final TransactionTemplate transactions;
  private final JdbcTemplate jdbc;
  private final Duration statementTimeout;

  LongTransactions(TransactionTemplate transactions, JdbcTemplate jdbc, JobSettings settings) {
    this.transactions = transactions;
    this.jdbc = jdbc;
    this.statementTimeout = settings.statementTimeout();
  }

  /** Runs {@code work} in a transaction whose statements may each take the jobs' bound. */
  public <T> T execute(TransactionCallback<T> work) {
    return transactions.execute(
        status -> {
          int socketMillis = Math.toIntExact(statementTimeout.plus(SOCKET_MARGIN).toMillis());
          jdbc.execute(
              (ConnectionCallback<Void>)
                  connection -> {
                    connection.setNetworkTimeout(Runnable::run, socketMillis);
                    return null;
                  });
          jdbc.queryForObject(
              "SELECT set_config('statement_timeout', ?, true)",
              String.class,
              Long.toString(statementTimeout.toMillis()));
          return work.doInTransaction(status);
        });
  }
}
