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

/** An entry change is a self-contained state of the entry, in the public schema's shape. */
class EntryChangedJsonTest {

  private static final Instant AT = Instant.parse("2026-12-03T10:15:30.123456Z");

  private final EntryChanged frozen =
      EntryChanged.of(
          UUID.fromString("2c6c3f5e-8a43-4d3f-9a51-0d8f6d2a6a13"),
          "global",
          "all-time",
          "alice",
          "Alice",
          true,
          EntryChanged.FROZEN,
          EntryChanged.CHANGE_FROZEN,
          120,
          AT.minusSeconds(60),
          7,
          AT);

  private final EntryChanged erased =
      EntryChanged.of(
          UUID.fromString("3c6c3f5e-8a43-4d3f-9a51-0d8f6d2a6a14"),
          "daily",
          "2026-12-03",
          "alice",
          EntryChanged.ERASED_DISPLAY_NAME,
          false,
          EntryChanged.ERASED,
          EntryChanged.CHANGE_ERASED,
          120,
          AT.minusSeconds(60),
          8,
          AT);

  @Test
  void survivesTheRoundTripThroughTheTopicsSerializers() {
    ScoreboardEventSerializer serializer = new ScoreboardEventSerializer();
    ScoreboardEventDeserializer deserializer = new ScoreboardEventDeserializer();

    assertThat(deserializer.deserialize("t", serializer.serialize("t", frozen)))
        .isInstanceOf(EntryChanged.class)
        .isEqualTo(frozen);
    assertThat(deserializer.deserialize("t", serializer.serialize("t", erased))).isEqualTo(erased);
  }

  @Test
  void matchesItsSchemaWithPublicAsTheJsonName() {
    String json = EventJson.toJson(frozen);

    assertThat(json)
        .contains("\"type\":\"ENTRY_CHANGED\"")
        .contains("\"public\":true")
        .contains("\"forget\":false")
        .doesNotContain("isPublic");
    assertThat(schema().validate(json, InputFormat.JSON)).isEmpty();
    assertThat(schema().validate(EventJson.toJson(erased), InputFormat.JSON)).isEmpty();
  }

  @Test
  void schemaRefusesAnEraseThatDoesNotSayForgetOrKeepsTheName() {
    String json = EventJson.toJson(erased);

    assertThat(
            schema()
                .validate(json.replace("\"forget\":true", "\"forget\":false"), InputFormat.JSON))
        .isNotEmpty();
    assertThat(schema().validate(json.replace("Erased user", "Alice"), InputFormat.JSON))
        .isNotEmpty();
    assertThat(
            schema()
                .validate(
                    EventJson.toJson(frozen).replace("\"forget\":false", "\"forget\":true"),
                    InputFormat.JSON))
        .isNotEmpty();
  }

  @Test
  void onlyActiveEntriesAreRankedAndForgetFollowsErasure() {
    assertThat(frozen.ranked()).isFalse();
    assertThat(frozen.forget()).isFalse();
    assertThat(erased.forget()).isTrue();
    assertThatThrownBy(
            () ->
                EntryChanged.of(
                    UUID.randomUUID(),
                    "global",
                    "all-time",
                    "bob",
                    "Bob",
                    true,
                    "deleted",
                    EntryChanged.CHANGE_ERASED,
                    1,
                    AT,
                    1,
                    AT))
        .hasMessageContaining("unknown status");
  }

  @Test
  void sharesTheKeyOfTheUsersScoreChanges() {
    assertThat(EventKeys.scoreEvent("global", "alice")).isEqualTo("global:alice");
  }

  private static Schema schema() {
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(EntryChanged.class.getResourceAsStream("/schemas/entry-changed.v1.schema.json"));
  }
}
