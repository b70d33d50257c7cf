package dev.livescoreboard.command.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.postgresql.PGNotification;
import org.postgresql.core.Notification;

class OutboxNotificationListenerTest {

  private static final String OWN = "scoreboard-command-api-0a1b2c";

  @Test
  void notificationsOfThisInstancesOwnCommitsDoNotWakeTheRelay() {
    assertThat(OutboxNotificationListener.announceOtherWriters(from(OWN, OWN), OWN)).isFalse();
  }

  @Test
  void aNotificationOfAnotherWriterWakesTheRelay() {
    assertThat(
            OutboxNotificationListener.announceOtherWriters(
                from(OWN, "scoreboard-command-api-ffffff"), OWN))
        .isTrue();
  }

  @Test
  void anUntaggedNotificationWakesTheRelay() {
    assertThat(OutboxNotificationListener.announceOtherWriters(from(""), OWN)).isTrue();
  }

  @Test
  void withoutAnOwnTagEveryNotificationWakesTheRelay() {
    assertThat(OutboxNotificationListener.announceOtherWriters(from(""), "")).isTrue();
  }

  private static PGNotification[] from(String... payloads) {
    PGNotification[] notifications = new PGNotification[payloads.length];
    for (int i = 0; i < payloads.length; i++) {
      notifications[i] = new Notification("outbox", 4242, payloads[i]);
    }
    return notifications;
  }
}
