package dev.livescoreboard.command.outbox;

import dev.livescoreboard.command.system.DedicatedThread;
import dev.livescoreboard.events.retry.Backoff;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds one dedicated PostgreSQL connection (never a pooled one: it stays in LISTEN mode for the
 * life of the process) and wakes the relay whenever the outbox trigger notifies, i.e. right after a
 * transaction that inserted outbox rows commits. The notification carries nothing: the outbox table
 * stays the queue, NOTIFY is only a wake-up signal. When the connection breaks (PostgreSQL
 * restarts, the backend is terminated) it reconnects with jittered exponential back-off and wakes
 * the relay once connected, since notifications sent meanwhile are lost. Notifications whose
 * payload is this instance's {@link WriterTag} are skipped: the writer already woke the relay after
 * its commit.
 */
class OutboxNotificationListener extends DedicatedThread {

  /** How the listener's backend shows up in {@code pg_stat_activity}. */
  static final String APPLICATION_NAME = "scoreboard-outbox-listener";

  private static final Logger log = LoggerFactory.getLogger(OutboxNotificationListener.class);

  private final DataSource connections;
  private final OutboxListenerSettings settings;
  private final String ownWriterTag;
  private final Runnable wakeRelay;
  private volatile boolean listening;

  /**
   * @param connections opens a new physical connection per call (not a pool)
   * @param ownWriterTag this instance's writer tag; empty skips nothing
   */
  OutboxNotificationListener(
      DataSource connections,
      OutboxListenerSettings settings,
      String ownWriterTag,
      Runnable wakeRelay) {
    super("outbox-listener", settings.waitTimeout().multipliedBy(2));
    this.connections = connections;
    this.settings = settings;
    this.ownWriterTag = ownWriterTag;
    this.wakeRelay = wakeRelay;
  }

  /** Whether the connection is up and listening right now. */
  boolean isListening() {
    return listening;
  }

  @Override
  protected void loop() {
    Backoff backoff = new Backoff(settings.reconnectMin(), settings.reconnectMax());
    while (isRunning()) {
      try (Connection connection = connections.getConnection()) {
        listen(connection);
        backoff.reset();
        log.info("outbox listener connected, waiting for NOTIFY on '{}'", settings.channel());
        // Anything committed while we were not listening went unannounced.
        wakeRelay.run();
        receive(connection.unwrap(PGConnection.class));
      } catch (SQLException | RuntimeException e) {
        if (isRunning()) {
          log.warn("outbox listener connection lost, reconnecting: {}", e.toString());
        }
      } finally {
        listening = false;
      }
      if (isRunning()) {
        backoff.pause();
      }
    }
  }

  private void listen(Connection connection) throws SQLException {
    connection.setAutoCommit(true);
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET application_name = '" + APPLICATION_NAME + "'");
      statement.execute("LISTEN " + settings.channel());
    }
    listening = true;
  }

  /** Blocks in the driver's socket read until notifications arrive; throws when the link breaks. */
  private void receive(PGConnection connection) throws SQLException {
    int timeoutMillis = (int) settings.waitTimeout().toMillis();
    while (isRunning()) {
      PGNotification[] notifications = connection.getNotifications(timeoutMillis);
      if (notifications != null && announceOtherWriters(notifications, ownWriterTag)) {
        wakeRelay.run();
      }
    }
  }

  /** Whether a notification comes from a writer other than this instance (or an untagged one). */
  static boolean announceOtherWriters(PGNotification[] notifications, String ownWriterTag) {
    for (PGNotification notification : notifications) {
      if (ownWriterTag.isEmpty() || !ownWriterTag.equals(notification.getParameter())) {
        return true;
      }
    }
    return false;
  }
}
