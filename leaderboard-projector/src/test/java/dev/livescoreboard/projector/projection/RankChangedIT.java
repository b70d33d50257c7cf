package dev.livescoreboard.projector.projection;

import static dev.livescoreboard.projector.projection.ScriptFixture.BOARD;
import static dev.livescoreboard.projector.projection.ScriptFixture.SEASON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.livescoreboard.events.EventJson;
import dev.livescoreboard.events.RankChanged;
import dev.livescoreboard.events.RanksChanged;
import dev.livescoreboard.testsupport.TestRedis;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The apply script publishes the RanksChanged of each event whose scorer changed rank, on the
 * rank-changed channel of a real Redis (N = 3).
 */
class RankChangedIT {

  private static final com.networknt.schema.Schema SCHEMA = schema();

  private ScriptFixture fx;
  private TopChangedSubscriber ranks;

  @BeforeEach
  void setUp() {
    fx = new ScriptFixture(3);
    ranks = TopChangedSubscriber.subscribe(TestRedis.shared().url(), fx.keys.rankChangedChannel());
  }

  @AfterEach
  void tearDown() throws InterruptedException {
    ranks.close();
    fx.close();
  }

  @Test
  void firstScoreIsARankChangeFromNoRank() {
    fx.script.apply(fx.events.event("amy", 10, 1));

    assertThat(published(1).get(0).changes()).containsExactly(change("amy", null, 1, 10, null));
  }

  @Test
  void passingSomeoneOutsideTheTopNTellsOnlyTheScorer() {
    seedAmyBobCarl();
    fx.script.apply(fx.events.event("dave", 5, 1));
    fx.script.apply(fx.events.event("eve", 3, 1));

    fx.script.apply(fx.events.event("eve", 7, 2));

    assertThat(published(6).get(5).changes())
        .containsExactly(new RankChanged(BOARD, SEASON, "eve", 5, 4, 7, false, null));
  }

  @Test
  void passingUsersInsideTheTopNTellsEachOfThemWhoOvertookThem() {
    seedAmyBobCarl();

    fx.script.apply(fx.events.event("carl", 40, 2));

    assertThat(published(4).get(3).changes())
        .containsExactly(
            change("carl", 3, 1, 40, null),
            change("amy", 1, 2, 30, "carl"),
            change("bob", 2, 3, 20, "carl"));
  }

  @Test
  void enteringTheTopNPushesTheLastUserOutOfIt() {
    seedAmyBobCarl();

    fx.script.apply(fx.events.event("dave", 25, 1));

    assertThat(published(4).get(3).changes())
        .containsExactly(
            change("dave", null, 2, 25, null),
            change("bob", 2, 3, 20, "dave"),
            new RankChanged(BOARD, SEASON, "carl", 3, 4, 10, false, "dave"));
  }

  @Test
  void scorerFallingOutOfTheTopNMovesOthersUpWithoutOvertakenBy() {
    seedAmyBobCarl();
    fx.script.apply(fx.events.event("dave", 5, 1));

    fx.script.apply(fx.events.event("amy", 1, 2));

    assertThat(published(5).get(4).changes())
        .containsExactly(
            new RankChanged(BOARD, SEASON, "amy", 1, 4, 1, false, null),
            change("bob", 2, 1, 20, null),
            change("carl", 3, 2, 10, null),
            change("dave", 4, 3, 5, null));
  }

  @Test
  void eventsThatKeepTheScorersRankOrAreDuplicatesPublishNothing() {
    seedAmyBobCarl();

    fx.script.apply(fx.events.event("amy", 35, 2));
    fx.script.apply(fx.events.event("bob", 20, 1));
    fx.script.apply(fx.events.event("carl", "Carl", 10, 2, 3000));
    // Pub/sub keeps order, so the marker being the 4th message proves nothing came in between.
    fx.script.apply(fx.events.event("dave", 1, 1));

    List<RanksChanged> published = published(4);
    assertThat(published.get(3).changes())
        .containsExactly(new RankChanged(BOARD, SEASON, "dave", null, 4, 1, false, null));
  }

  private void seedAmyBobCarl() {
    fx.script.apply(fx.events.event("amy", 30, 1));
    fx.script.apply(fx.events.event("bob", 20, 1));
    fx.script.apply(fx.events.event("carl", 10, 1));
  }

  private static RankChanged change(
      String userId, Integer from, int to, long score, String overtakenBy) {
    return new RankChanged(BOARD, SEASON, userId, from, to, score, true, overtakenBy);
  }

  /** Waits for exactly {@code count} messages, checks each against the schema and parses them. */
  private List<RanksChanged> published(int count) {
    await().atMost(Duration.ofSeconds(10)).until(() -> ranks.messages().size() >= count);
    List<String> messages = ranks.messages();
    assertThat(messages).hasSize(count);
    for (String json : messages) {
      assertThat(SCHEMA.validate(json, InputFormat.JSON)).as(json).isEmpty();
    }
    return messages.stream().map(json -> EventJson.fromJson(json, RanksChanged.class)).toList();
  }

  private static com.networknt.schema.Schema schema() {
    try (InputStream in =
        RankChangedIT.class
            .getClassLoader()
            .getResourceAsStream("schemas/ranks-changed.v1.schema.json")) {
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
