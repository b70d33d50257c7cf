package dev.livescoreboard.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class RanksChangedJsonTest {

  private final RanksChanged message =
      new RanksChanged(
          "global",
          "all-time",
          List.of(
              new RankChanged("global", "all-time", "amy", null, 1, 50, true, null),
              new RankChanged("global", "all-time", "bob", 1, 2, 40, true, "amy")));

  @Test
  void serializedMessageMatchesItsJsonSchemaAndReadsBack() {
    String json = EventJson.toJson(message);

    assertThat(schema().validate(json, InputFormat.JSON)).isEmpty();
    assertThat(EventJson.fromJson(json, RanksChanged.class)).isEqualTo(message);
  }

  @Test
  void firstScoreHasANullFromRankAndNoOvertakenBy() {
    String json = EventJson.toJson(message.changes().get(0));

    assertThat(json).contains("\"fromRank\":null").doesNotContain("overtakenBy");
  }

  @Test
  void schemaRefusesAChangeWithoutAToRank() {
    String json =
        "{\"board\":\"global\",\"season\":\"all-time\",\"changes\":[{\"board\":\"global\","
            + "\"season\":\"all-time\",\"userId\":\"amy\",\"fromRank\":null,\"score\":5,"
            + "\"inTopN\":true}]}";

    assertThat(schema().validate(json, InputFormat.JSON)).isNotEmpty();
  }

  private static Schema schema() {
    InputStream in =
        RanksChanged.class.getResourceAsStream("/schemas/ranks-changed.v1.schema.json");
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
  }
}
