package dev.livescoreboard.command.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class RelaySignalsTest {

  private static final long NO_WAIT = 0;
  private final RelaySignals signals = new RelaySignals();

  @Test
  void rowsAnnouncedWhileTheRelayIsBusyAreReportedOnce() throws Exception {
    signals.rowsCommitted();
    signals.rowsCommitted();

    assertThat(signals.awaitRows(NO_WAIT)).isTrue();
    assertThat(signals.awaitRows(NO_WAIT)).isFalse();
  }

  @Test
  void anAcknowledgementEndsAWaitForAcksButIsNotReportedAsRows() throws Exception {
    signals.batchAcked();

    assertThat(signals.awaitRowsOrAck(System.nanoTime() + Duration.ofSeconds(30).toNanos()))
        .isFalse();
  }

  @Test
  void rowsAnnouncedDuringAWaitForAcksAreReportedAndCleared() throws Exception {
    CompletableFuture<Boolean> waiting =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return signals.awaitRowsOrAck(System.nanoTime() + Duration.ofSeconds(30).toNanos());
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    signals.rowsCommitted();

    assertThat(waiting.get()).isTrue();
    assertThat(signals.awaitRows(NO_WAIT)).isFalse();
  }
}
