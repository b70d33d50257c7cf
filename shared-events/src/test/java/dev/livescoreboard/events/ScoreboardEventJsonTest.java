package dev.livescoreboard.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The one topic carries several event types; the envelope tells them apart by {@code type}. */
class ScoreboardEventJsonTest {

  private static final Instant AT = Instant.parse("2026-12-03T10:15:30.123456Z");

  private final BoardDefined defined =
      BoardDefined.of(
          UUID.fromString("1c6c3f5e-8a43-4d3f-9a51-0d8f6d2a6a12"),
          "daily-sprint",
          "Daily <sprint>",
          5000,
          3,
          Seasons.DAILY,
          2,
          AT);

  private final ScoreChanged scored =
      ScoreChanged.forAction(
          UUID.fromString("0b6c3f5e-8a43-4d3f-9a51-0d8f6d2a6a11"),
          "global",
          "all-time",
          "alice",
          "Alice",
          "COMPLETE_LEVEL",
          40,
          50,
          5,
          AT,
          AT);

  private final ScoreboardEventSerializer serializer = new ScoreboardEventSerializer();
  private final ScoreboardEventDeserializer deserializer = new ScoreboardEventDeserializer();

  @Test
  void bothTypesSurviveTheRoundTripAsTheirOwnRecord() {
    assertThat(deserializer.deserialize("t", serializer.serialize("t", defined)))
        .isInstanceOf(BoardDefined.class)
        .isEqualTo(defined);
    assertThat(deserializer.deserialize("t", serializer.serialize("t", scored)))
        .isInstanceOf(ScoreChanged.class)
        .isEqualTo(scored);
  }

  @Test
  void scoreChangedJsonIsTheRecordsOwnJson() {
    assertThat(new String(serializer.serialize("t", scored), StandardCharsets.UTF_8))
        .isEqualTo(EventJson.toJson(scored));
  }

  @Test
  void boardDefinedMatchesItsJsonSchemaAndNamesItsSeason() {
    String json = EventJson.toJson(defined);

    assertThat(json)
        .contains("\"type\":\"BOARD_DEFINED\"")
        .contains("\"currentSeason\":\"2026-12-03\"");
    var schema =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(
                BoardDefined.class.getResourceAsStream("/schemas/board-defined.v1.schema.json"));
    assertThat(schema.validate(json, InputFormat.JSON)).isEmpty();
    assertThat(schema.validate(json.replace("\"topN\":3", "\"topN\":101"), InputFormat.JSON))
        .isNotEmpty();
  }

  @Test
  void unknownTypeIsAClearError() {
    byte[] json = "{\"type\":\"USER_TELEPORTED\",\"board\":\"global\"}".getBytes();

    assertThatThrownBy(() -> deserializer.deserialize("t", json))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown event type: USER_TELEPORTED");
    assertThatThrownBy(() -> deserializer.deserialize("t", "{\"board\":\"global\"}".getBytes()))
        .hasMessageContaining("without a string type");
  }

  @Test
  void definitionHashHoldsTheWholeEvent() {
    assertThat(BoardDefinitionHash.parse(BoardDefinitionHash.fields(defined))).isEqualTo(defined);
  }

  @Test
  void boardEventsOfOneBoardShareAKey() {
    assertThat(EventKeys.boardEvent("daily-sprint")).isEqualTo("daily-sprint");
  }

  @Test
  void invalidDefinitionsAreRefused() {
    assertThatThrownBy(
            () -> BoardDefined.of(UUID.randomUUID(), "x", "X", 10, 0, Seasons.NEVER, 1, AT))
        .hasMessageContaining("topN");
    assertThatThrownBy(() -> BoardDefined.of(UUID.randomUUID(), "x", "X", 10, 10, "hourly", 1, AT))
        .hasMessageContaining("reset schedule");
  }
}
