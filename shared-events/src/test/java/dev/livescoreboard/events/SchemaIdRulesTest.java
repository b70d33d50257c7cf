package dev.livescoreboard.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The published JSON Schemas state the id rules too; they must say what {@link BoardIds} says. */
class SchemaIdRulesTest {

  @Test
  void schemasUseTheBoardPattern() {
    for (String name :
        new String[] {
          "score-changed.v1.schema.json",
          "top-n-changed.v1.schema.json",
          "ranks-changed.v1.schema.json",
          "board-defined.v1.schema.json",
          "entry-changed.v1.schema.json",
          "season-started.v1.schema.json"
        }) {
      assertThat(pattern(name, "board")).as(name).isEqualTo("^" + BoardIds.BOARD_PATTERN + "$");
    }
  }

  @Test
  void scoreChangedSchemaAcceptsTheSeasonShapes() {
    Pattern season = Pattern.compile(pattern("score-changed.v1.schema.json", "season"));
    // The schema checks the shape, Seasons also the calendar: compare on real dates only.
    for (String id :
        new String[] {
          "all-time",
          "all-time-r2",
          "2026-11-24",
          "2026-11-24-r2",
          "2026-11-24-r999999",
          "2026-W48",
          "2026-11",
          "2026-11-r12",
          "2026-11-24-r1",
          "2026-11-24-r0",
          "2026-11-24-r1000000",
          "All-time",
          "2026:11",
          "weekly"
        }) {
      assertThat(season.matcher(id).matches()).as(id).isEqualTo(Seasons.isValid(id));
    }
  }

  @Test
  void boardDefinedSchemaUsesTheSameSeasonPattern() {
    assertThat(pattern("board-defined.v1.schema.json", "currentSeason"))
        .isEqualTo(pattern("score-changed.v1.schema.json", "season"));
  }

  @Test
  void entryChangedSchemaUsesTheSameSeasonPatternAndListsTheStatesAndChanges() {
    assertThat(pattern("entry-changed.v1.schema.json", "season"))
        .isEqualTo(pattern("score-changed.v1.schema.json", "season"));
    assertThat(property("entry-changed.v1.schema.json", "status").path("enum").values())
        .map(JsonNode::asString)
        .containsExactlyElementsOf(EntryChanged.STATUSES);
    assertThat(property("entry-changed.v1.schema.json", "change").path("enum").values())
        .map(JsonNode::asString)
        .containsExactlyElementsOf(EntryChanged.CHANGES);
  }

  @Test
  void seasonStartedSchemaUsesTheSameSeasonPattern() {
    String season = pattern("score-changed.v1.schema.json", "season");
    assertThat(pattern("season-started.v1.schema.json", "season")).isEqualTo(season);
    assertThat(pattern("season-started.v1.schema.json", "previousSeason")).isEqualTo(season);
    assertThat(property("season-started.v1.schema.json", "reason").path("enum").values())
        .map(JsonNode::asString)
        .containsExactlyElementsOf(SeasonStarted.REASONS);
  }

  @Test
  void boardDefinedSchemaListsTheResetSchedulesAndTopNBounds() {
    JsonNode topN = property("board-defined.v1.schema.json", "topN");
    assertThat(topN.path("maximum").asInt()).isEqualTo(BoardDefined.MAX_TOP_N);
    assertThat(property("board-defined.v1.schema.json", "resetSchedule").path("enum").values())
        .map(JsonNode::asString)
        .containsExactlyElementsOf(BoardDefined.RESET_SCHEDULES);
  }

  private static String pattern(String schema, String property) {
    return property(schema, property).path("pattern").asString();
  }

  private static JsonNode property(String schema, String property) {
    try (InputStream in = SchemaIdRulesTest.class.getResourceAsStream("/schemas/" + schema)) {
      JsonNode root = EventJson.fromBytes(in.readAllBytes(), JsonNode.class);
      return root.path("properties").path(property);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
