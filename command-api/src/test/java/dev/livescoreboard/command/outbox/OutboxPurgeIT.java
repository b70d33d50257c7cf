package dev.livescoreboard.command.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livescoreboard.command.CommandApiTestBase;
import dev.livescoreboard.testsupport.UniqueNames;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The purge deletes published rows past the 24 h retention, a batch of two at a time here, and
 * keeps recent published rows and every unpublished row, however old. The relay is off, so rows
 * stay as the test writes them, and the scheduled run is an hour away: the test runs it.
 */
@TestPropertySource(
    properties = {
      "scoreboard.outbox.relay.enabled=false",
      "scoreboard.outbox.purge.interval=1h",
      "scoreboard.outbox.purge.batch-size=2"
    })
class OutboxPurgeIT extends CommandApiTestBase {

  @Autowired OutboxPurge purge;
  @Autowired MeterRegistry meters;

  @Test
  void oldPublishedRowsArePurgedRecentAndUnpublishedRowsAreKept() {
    double purgedBefore = purged();
    List<Long> old =
        List.of(
            row("26 hours", "25 hours"),
            row("26 hours", "25 hours"),
            row("30 hours", "29 hours"),
            row("48 hours", "47 hours"),
            row("25 hours", "24 hours 1 minute"));
    long recent = row("2 hours", "1 hour");
    long oldUnpublished = row("48 hours", null);
    long newUnpublished = row("1 second", null);

    assertThat(purge.purge()).isEqualTo(old.size());

    assertThat(ids()).containsExactlyInAnyOrder(recent, oldUnpublished, newUnpublished);
    assertThat(purged() - purgedBefore).isEqualTo(old.size());
    assertThat(purge.purge()).isZero();
  }

  /** Inserts a row created and published (unless {@code null}) that long ago; returns its id. */
  private long row(String createdAgo, String publishedAgo) {
    return jdbc.sql(
            """
            INSERT INTO outbox (aggregatetype, aggregateid, type, payload, created_at, published_at)
            VALUES ('test', :key, 'TEST', '{}', now() - CAST(:created AS interval),
                    now() - CAST(:published AS interval))
            RETURNING id
            """)
        .param("key", UniqueNames.of("purge"))
        .param("created", createdAgo)
        .param("published", publishedAgo)
        .query(Long.class)
        .single();
  }

  /** This test's rows (not the boards command-api announces at startup). */
  private List<Long> ids() {
    return jdbc.sql("SELECT id FROM outbox WHERE aggregatetype = 'test'").query(Long.class).list();
  }

  private double purged() {
    return meters.get("scoreboard.outbox.purged").counter().count();
  }
}
