package dev.livescoreboard.projector.projection;

import static dev.livescoreboard.projector.projection.ScriptFixture.BOARD;
import static dev.livescoreboard.projector.projection.ScriptFixture.SEASON;
import static org.assertj.core.api.Assertions.assertThat;

import dev.livescoreboard.events.EventJson;
import dev.livescoreboard.events.LeaderboardEntry;
import dev.livescoreboard.events.RankChange;
import dev.livescoreboard.events.TopNChanged;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The script decides "top N changed" and publishes the schema-conformant TopNChanged (N = 3). */
class TopNChangeDetectionIT {

  private static final TopNChangedSchema SCHEMA = TopNChangedSchema.load();

  private ScriptFixture fx;

  @BeforeEach
  void setUp() {
    fx = new ScriptFixture(3);
  }

  @AfterEach
  void tearDown() throws InterruptedException {
    fx.close();
  }

  @Test
  void firstScoreOnAnEmptyBoardEntersAtRankOne() {
    ApplyOutcome outcome = fx.script.apply(fx.events.event("amy", 10, 1));

    TopNChanged top = lastPublished(1);
    assertThat(top.seq()).isEqualTo(outcome.seq());
    assertThat(top.entries()).containsExactly(new LeaderboardEntry(1, "amy", "AMY", 10));
    assertThat(top.changes()).containsExactly(new RankChange("amy", null, 1));
  }

  @Test
  void enteringUserHasNoFromRankAndPushedOutUserHasNoToRank() {
    seedAmyBobCarl();

    fx.script.apply(fx.events.event("dave", 25, 1));

    TopNChanged top = lastPublished(4);
    assertThat(top.entries())
        .extracting(LeaderboardEntry::userId)
        .containsExactly("amy", "dave", "bob");
    assertThat(top.changes())
        .containsExactly(
            new RankChange("dave", null, 2),
            new RankChange("bob", 2, 3),
            new RankChange("carl", 3, null));
  }

  @Test
  void movingUserReportsBothRanksAndEveryoneItPassed() {
    seedAmyBobCarl();

    fx.script.apply(fx.events.event("carl", 40, 2));

    TopNChanged top = lastPublished(4);
    assertThat(top.entries())
        .containsExactly(
            new LeaderboardEntry(1, "carl", "CARL", 40),
            new LeaderboardEntry(2, "amy", "AMY", 30),
            new LeaderboardEntry(3, "bob", "BOB", 20));
    assertThat(top.changes())
        .containsExactly(
            new RankChange("carl", 3, 1), new RankChange("amy", 1, 2), new RankChange("bob", 2, 3));
  }

  @Test
  void userDroppingOutOfTheTopNLetsTheNextUserIn() {
    seedAmyBobCarl();
    // Below the top 3: the 4th message republishes the state with the board's new size.
    fx.script.apply(fx.events.event("dave", 5, 1));

    fx.script.apply(fx.events.event("amy", 1, 2));

    TopNChanged top = lastPublished(5);
    assertThat(top.totalUsers()).isEqualTo(4);
    assertThat(top.entries())
        .extracting(LeaderboardEntry::userId)
        .containsExactly("bob", "carl", "dave");
    assertThat(top.changes())
        .containsExactly(
            new RankChange("bob", 2, 1),
            new RankChange("carl", 3, 2),
            new RankChange("dave", null, 3),
            new RankChange("amy", 1, null));
  }

  @Test
  void displayNameChangeIsATopNChangeWithoutRankChanges() {
    ApplyOutcome first = fx.script.apply(fx.events.event("amy", "Amy", 30, 1, 0));

    ApplyOutcome renamed = fx.script.apply(fx.events.event("amy", "Amelia", 30, 2, 0));

    assertThat(renamed.seq()).isEqualTo(first.seq() + 1);
    TopNChanged top = lastPublished(2);
    String json = fx.subscriber.messages().get(1);
    assertThat(json).contains("\"changes\":[]");
    assertThat(SCHEMA.validate(json)).isEmpty();
    assertThat(top.entries()).containsExactly(new LeaderboardEntry(1, "amy", "Amelia", 30));
    assertThat(top.changes()).isEmpty();
  }

  /**
   * A user's first score below the top N changes the board's size only: the stored state is
   * published again with the new totalUsers and all else as it was, its seq included.
   */
  @Test
  void aNewUserBelowTheTopNRepublishesTheStateWithTheNewSizeUnderTheSameSeq() {
    seedAmyBobCarl();
    TopNChanged before = lastPublished(3);
    assertThat(before.totalUsers()).isEqualTo(3);

    ApplyOutcome entered = fx.script.apply(fx.events.event("dave", 5, 1));

    assertThat(entered).isEqualTo(new ApplyOutcome(true, 0));
    TopNChanged resized = lastPublished(4);
    assertThat(resized).isEqualTo(before.withTotalUsers(4));
    assertThat(SCHEMA.validate(fx.subscriber.messages().get(3))).isEmpty();
  }

  @Test
  void aChangeOutsideTheTopNThatKeepsTheSizePublishesNothing() {
    seedAmyBobCarl();
    fx.script.apply(fx.events.event("dave", 5, 1));
    fx.subscriber.awaitMessages(4);
    String topBefore = fx.top();
    String seqBefore = fx.seq();

    ApplyOutcome raised = fx.script.apply(fx.events.event("dave", 9, 2));

    assertThat(raised).isEqualTo(new ApplyOutcome(true, 0));
    assertThat(fx.top()).isEqualTo(topBefore);
    assertThat(fx.seq()).isEqualTo(seqBefore);
    assertThat(fx.rankingUserIds()).containsExactly("amy", "bob", "carl", "dave");
    // Pub/sub keeps order, so the marker being the 5th message proves nothing came in between.
    ApplyOutcome marker = fx.script.apply(fx.events.event("amy", 31, 2));
    List<TopNChanged> published = fx.subscriber.awaitMessages(5);
    assertThat(published).hasSize(5);
    assertThat(published.get(4).seq())
        .isEqualTo(marker.seq())
        .isEqualTo(Long.parseLong(seqBefore) + 1);
    assertThat(published.get(4).totalUsers()).isEqualTo(4);
  }

  @Test
  void publishedJsonMatchesTheRecordAndTheSchemaAndIsStoredAsSnapshot() {
    fx.script.apply(fx.events.event("zoe", "Zoë \"Z\" </script> \\ ☃", 50, 1, 0));
    fx.script.apply(fx.events.event("max", "Max", 50, 1, 100));
    fx.script.apply(fx.events.event("ann", "Ann", 60, 1, 200));

    List<TopNChanged> published = fx.subscriber.awaitMessages(3);
    for (String json : fx.subscriber.messages()) {
      assertThat(SCHEMA.validate(json)).as(json).isEmpty();
    }
    String lastJson = fx.subscriber.messages().get(2);
    assertThat(lastJson).contains("\"fromRank\":null");
    assertThat(fx.top()).isEqualTo(lastJson);
    TopNChanged last = published.get(2);
    assertThat(last)
        .isEqualTo(
            new TopNChanged(
                BOARD,
                SEASON,
                published.get(0).seq() + 2,
                3,
                List.of(
                    new LeaderboardEntry(1, "ann", "Ann", 60),
                    new LeaderboardEntry(2, "zoe", "Zoë \"Z\" </script> \\ ☃", 50),
                    new LeaderboardEntry(3, "max", "Max", 50)),
                List.of(
                    new RankChange("ann", null, 1),
                    new RankChange("zoe", 1, 2),
                    new RankChange("max", 2, 3)),
                ScoreEvents.COMMITTED_AT,
                null));
    assertThat(EventJson.fromJson(fx.top(), TopNChanged.class)).isEqualTo(last);
  }

  @Test
  void userWithoutDisplayNameIsShownByIdAndKeepsAKnownName() {
    fx.script.apply(fx.events.event("amy", null, 10, 1, 0));
    fx.script.apply(fx.events.event("bob", "Bob", 20, 1, 0));
    fx.script.apply(fx.events.event("bob", null, 30, 2, 0));

    List<TopNChanged> published = fx.subscriber.awaitMessages(3);
    assertThat(published.get(0).entries())
        .containsExactly(new LeaderboardEntry(1, "amy", "amy", 10));
    assertThat(published.get(2).entries())
        .extracting(LeaderboardEntry::displayName)
        .containsExactly("Bob", "amy");
  }

  private void seedAmyBobCarl() {
    fx.script.apply(fx.events.event("amy", 30, 1));
    fx.script.apply(fx.events.event("bob", 20, 1));
    fx.script.apply(fx.events.event("carl", 10, 1));
  }

  private TopNChanged lastPublished(int expectedMessages) {
    List<TopNChanged> published = fx.subscriber.awaitMessages(expectedMessages);
    assertThat(published).hasSize(expectedMessages);
    TopNChanged last = published.get(expectedMessages - 1);
    assertThat(EventJson.fromJson(fx.top(), TopNChanged.class)).isEqualTo(last);
    return last;
  }
}
