package dev.livescoreboard.projector.postgres;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The pool, handing out a connection only after PostgreSQL answered a probe on it ({@code isValid})
 * within the pool's {@code validation-timeout}. Hikari probes only connections idle for more than
 * half a second, and the projector's statements may legitimately wait long for their first rows, so
 * its socket timeout is long: without the probe, a job or admin request that got a just-used
 * connection from a hung PostgreSQL would wait for that socket timeout instead of failing within
 * about a second. A connection that fails the probe is evicted from the pool. The cost, one round
 * trip per borrow, is nothing for jobs that borrow once per statement of a rebuild, audit or check.
 */
final class ProbingDataSource extends DelegatingDataSource {

  private final HikariDataSource pool;
  private final int probeSeconds;

  ProbingDataSource(HikariDataSource pool) {
    super(pool);
    this.pool = pool;
    // isValid takes whole seconds.
    this.probeSeconds = (int) Math.max(1, (pool.getValidationTimeout() + 999) / 1000);
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection connection = pool.getConnection();
    if (!answers(connection)) {
      pool.evictConnection(connection);
      throw new SQLTransientConnectionException(
          "PostgreSQL did not answer within " + probeSeconds + " s");
    }
    return connection;
  }

  /** Whether the probe got an answer; pgjdbc may also throw when the timeout closed the socket. */
  private boolean answers(Connection connection) {
    try {
      return connection.isValid(probeSeconds);
    } catch (SQLException e) {
      return false;
    }
  }
}
