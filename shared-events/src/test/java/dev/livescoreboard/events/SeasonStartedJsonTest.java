package dev.livescoreboard.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SeasonStartedJsonTest {

  private static final Instant AT = Instant.parse("2026-12-04T00:00:00.412345Z");

  private final SeasonStarted started =
      SeasonStarted.of(
          UUID.fromString("2c6c3f5e-8a43-4d3f-9a51-0d8f6d2a6a13"),
          "daily-sprint",
          "2026-12-04",
          "2026-12-03-r2",
          AT,
          SeasonStarted.SCHEDULE);

  private final Schema schema =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
          .getSchema(
              SeasonStarted.class.getResourceAsStream("/schemas/season-started.v1.schema.json"));

  @Test
  void survivesTheRoundTripThroughTheTopicsSerializers() {
    byte[] bytes = new ScoreboardEventSerializer().serialize("t", started);

    assertThat(new ScoreboardEventDeserializer().deserialize("t", bytes))
        .isInstanceOf(SeasonStarted.class)
        .isEqualTo(started);
  }

  @Test
  void matchesItsJsonSchemaAlsoForABoardsFirstSeason() {
    SeasonStarted first =
        SeasonStarted.of(
            UUID.randomUUID(), "weekly", "2026-W49", null, AT, SeasonStarted.FORCED_RESET);

    assertThat(schema.validate(EventJson.toJson(started), InputFormat.JSON)).isEmpty();
    assertThat(EventJson.toJson(first)).contains("\"previousSeason\":null");
    assertThat(schema.validate(EventJson.toJson(first), InputFormat.JSON)).isEmpty();
    assertThat(
            schema.validate(
                EventJson.toJson(started).replace("SCHEDULE", "WHENEVER"), InputFormat.JSON))
        .isNotEmpty();
  }

  @Test
  void aSeasonMustStartAfterTheOneItEnds() {
    assertThatThrownBy(
            () ->
                SeasonStarted.of(
                    UUID.randomUUID(),
                    "daily",
                    "2026-12-03",
                    "2026-12-03-r2",
                    AT,
                    SeasonStarted.SCHEDULE))
        .hasMessageContaining("does not start after");
    assertThatThrownBy(
            () -> SeasonStarted.of(UUID.randomUUID(), "daily", "2026-12-04", null, AT, "BORED"))
        .hasMessageContaining("reason");
  }
}
