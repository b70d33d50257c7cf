package dev.livescoreboard.command.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The outbox wake-up listener ({@code scoreboard.outbox.listener.*}): one dedicated PostgreSQL
 * connection that {@code LISTEN}s on the channel the outbox trigger notifies.
 *
 * @param enabled whether to listen at all; without it the relay only runs on its fallback poll
 * @param channel the NOTIFY channel; must match the trigger of changeset 020
 * @param waitTimeout longest single wait for a notification; bounds how long a stop takes
 * @param reconnectMin the longest first pause before reconnecting after the connection broke
 * @param reconnectMax longest pause between reconnect attempts (the ceiling doubles from the first)
 */
@ConfigurationProperties("scoreboard.outbox.listener")
record OutboxListenerSettings(
    boolean enabled,
    String channel,
    Duration waitTimeout,
    Duration reconnectMin,
    Duration reconnectMax) {

  OutboxListenerSettings {
    if (channel == null || !channel.matches("[a-z_][a-z0-9_]{0,62}")) {
      // It is spliced into LISTEN, which takes no bind parameters.
      throw new IllegalArgumentException(
          "scoreboard.outbox.listener.channel must be an identifier");
    }
    if (reconnectMax.compareTo(reconnectMin) < 0) {
      throw new IllegalArgumentException(
          "scoreboard.outbox.listener: reconnect-max < reconnect-min");
    }
  }
}
