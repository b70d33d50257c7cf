package dev.livescoreboard.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ScoreChangedJsonTest {

  private static final Instant REACHED = Instant.parse("2026-11-24T10:15:30.123Z");

  private final ScoreChanged event =
      ScoreChanged.forAction(
          UUID.fromString("0b6c3f5e-8a43-4d3f-9a51-0d8f6d2a6a11"),
          "global",
          "all-time",
          "alice",
          "Alice <b>",
          "COMPLETE_LEVEL",
          40,
          50,
          5,
          REACHED,
          REACHED.plusMillis(2));

  @Test
  void serializedEventMatchesItsJsonSchema() {
    String json = new String(new ScoreboardEventSerializer().serialize("t", event));

    assertThat(schema("score-changed.v1.schema.json").validate(json, InputFormat.JSON)).isEmpty();
  }

  @Test
  void eventSurvivesSerializationRoundTrip() {
    byte[] bytes = new ScoreboardEventSerializer().serialize("t", event);

    assertThat(new ScoreboardEventDeserializer().deserialize("t", bytes)).isEqualTo(event);
  }

  @Test
  void timesAreWrittenAsIsoStringsAndAbsentFieldsAreOmitted() {
    String json = EventJson.toJson(event);

    assertThat(json)
        .contains("\"reachedAt\":\"2026-11-24T10:15:30.123Z\"")
        .contains("\"delta\":10")
        .doesNotContain("reason");
  }

  @Test
  void adjustmentDownwardsMatchesTheSchemaWithItsReasonAndNoActionType() {
    ScoreChanged adjustment =
        ScoreChanged.forAdjustment(
            UUID.fromString("5d1f3c1e-2b7a-4b59-9a3e-6c1e8f0d2b44"),
            "global",
            "all-time",
            "alice",
            "Alice",
            "chargeback",
            50,
            20,
            6,
            REACHED,
            REACHED);

    String json = new String(new ScoreboardEventSerializer().serialize("t", adjustment));

    assertThat(adjustment.delta()).isEqualTo(-30);
    assertThat(json).contains("\"reason\":\"chargeback\"").doesNotContain("actionType");
    assertThat(schema("score-changed.v1.schema.json").validate(json, InputFormat.JSON)).isEmpty();
    assertThat(new ScoreboardEventDeserializer().deserialize("t", json.getBytes()))
        .isEqualTo(adjustment);
  }

  @Test
  void eventWithBothActionAndReasonViolatesTheSchema() {
    String json = EventJson.toJson(event).replace("\"delta\"", "\"reason\":\"x\",\"delta\"");

    assertThat(schema("score-changed.v1.schema.json").validate(json, InputFormat.JSON))
        .isNotEmpty();
  }

  @Test
  void unknownFieldsFromNewerProducersAreIgnored() {
    String json = EventJson.toJson(event).replace("{", "{\"futureField\":1,");

    assertThat(EventJson.fromJson(json, ScoreChanged.class)).isEqualTo(event);
  }

  @Test
  void topNChangedMatchesItsJsonSchemaIncludingNullRanks() {
    TopNChanged change =
        new TopNChanged(
            "global",
            "all-time",
            7,
            12,
            List.of(new LeaderboardEntry(1, "alice", "Alice", 50)),
            List.of(new RankChange("alice", null, 1), new RankChange("bob", 1, null)),
            REACHED,
            "4bf92f3577b34da6a3ce929d0e0e4736");

    String json = EventJson.toJson(change);

    assertThat(json).contains("\"fromRank\":null");
    assertThat(schema("top-n-changed.v1.schema.json").validate(json, InputFormat.JSON)).isEmpty();
    assertThat(EventJson.fromJson(json, TopNChanged.class)).isEqualTo(change);
  }

  /**
   * A state a projector stored before the field existed still reads (as 0 users until the board's
   * next change), so an upgrade does not make gateways fail to load it.
   */
  @Test
  void topNChangedWithoutTotalUsersStillReads() {
    String json =
        "{\"board\":\"global\",\"season\":\"all-time\",\"seq\":3,\"entries\":[],"
            + "\"changes\":[],\"sourceCommittedAt\":\"2026-11-24T10:15:30Z\"}";

    assertThat(EventJson.fromJson(json, TopNChanged.class).totalUsers()).isZero();
  }

  @Test
  void keyPutsAllEventsOfOneUserOnOneBoardTogether() {
    assertThat(EventKeys.scoreEvent("global", "alice")).isEqualTo("global:alice");
  }

  private static Schema schema(String name) {
    InputStream in = ScoreChanged.class.getResourceAsStream("/schemas/" + name);
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
  }
}
