package dev.livescoreboard.projector.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.livescoreboard.events.LeaderboardKeys;
import dev.livescoreboard.events.RankingCodec;
import dev.livescoreboard.events.ScoreChanged;
import dev.livescoreboard.events.Seasons;
import dev.livescoreboard.projector.script.ScriptKeys;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ScriptArgumentsTest {

  private static final LeaderboardKeys LAYOUT = new LeaderboardKeys("p:");
  private static final ScriptKeys KEYS = new ScriptKeys(LAYOUT);
  private final ScoreEvents events = new ScoreEvents("global", "2026-W48");

  @Test
  void keysAreThoseOfOneBoardInTheScriptsOrder() {
    ScriptArguments call = ScriptArguments.of(events.event("amy", 10, 1), null, KEYS, 10);

    assertThat(call.keys())
        .containsExactly(
            LAYOUT.ranking("global", "2026-W48"),
            LAYOUT.members("global", "2026-W48"),
            LAYOUT.versions("global", "2026-W48"),
            LAYOUT.names("global", "2026-W48"),
            LAYOUT.seq("global", "2026-W48"),
            LAYOUT.top("global", "2026-W48"),
            LAYOUT.currentSeason("global"),
            LAYOUT.currentSeasonOrder("global"),
            "p:lb:{global}:2026-W48:rebuild:active",
            "p:lb:{global}:2026-W48:rebuild:dirty",
            LAYOUT.definition("global"));
    assertThat(call.keys()).allSatisfy(key -> assertThat(key).startsWith("p:lb:{global}:"));
  }

  @Test
  void argumentsCarryTheRankingEncodingOfRankingCodecAndTheSeasonOrder() {
    ScoreChanged event = events.event("amy", "Amy", 1_000_000, 7, 250);

    ScriptArguments call = ScriptArguments.of(event, "4bf92f3577b34da6a3ce929d0e0e4736", KEYS, 5);

    assertThat(call.args())
        .containsExactly(
            LAYOUT.topChangedChannel(),
            "global",
            "2026-W48",
            "amy",
            "7",
            "-1000000",
            RankingCodec.member(ScoreEvents.BASE_MILLIS + 250, "amy"),
            "Amy",
            "5",
            "2026-11-24T10:15:30.123Z",
            Long.toString(Seasons.order("2026-W48")),
            LAYOUT.rankChangedChannel(),
            "4bf92f3577b34da6a3ce929d0e0e4736");
  }

  @Test
  void anEventWithoutTraceGivesTheScriptAnEmptyTraceId() {
    ScriptArguments call = ScriptArguments.of(events.event("amy", 10, 1), null, KEYS, 10);

    assertThat(call.args().get(12)).isEmpty();
  }

  @Test
  void zeroScoreIsSentAsPlainZero() {
    assertThat(ScriptArguments.of(events.event("amy", 0, 1), null, KEYS, 10).args().get(5))
        .isEqualTo("0");
    assertThat(ScriptArguments.redisNumber(RankingCodec.sortScore(0))).isEqualTo("0");
    assertThat(ScriptArguments.redisNumber(-12.5)).isEqualTo("-12.5");
  }

  @Test
  void missingDisplayNameIsSentAsEmptySoTheScriptKeepsTheKnownName() {
    ScriptArguments call = ScriptArguments.of(events.event("amy", null, 10, 1, 0), null, KEYS, 10);

    assertThat(call.args().get(7)).isEmpty();
  }

  @Test
  void boardIdThatWouldBreakTheHashTagIsRejected() {
    ScoreChanged event = new ScoreEvents("a}b", "all-time").event("amy", 10, 1);

    assertThatThrownBy(() -> ScriptArguments.of(event, null, KEYS, 10))
        .isInstanceOf(InvalidScoreEventException.class)
        .hasMessageContaining("board");
  }

  @Test
  void seasonIdWithKeySeparatorIsRejected() {
    ScoreChanged event = new ScoreEvents("global", "2026:11").event("amy", 10, 1);

    assertThatThrownBy(() -> ScriptArguments.of(event, null, KEYS, 10))
        .isInstanceOf(InvalidScoreEventException.class)
        .hasMessageContaining("season");
  }

  @Test
  void reachedAtBefore1970IsRejected() {
    ScoreChanged event =
        ScoreChanged.forAction(
            java.util.UUID.randomUUID(),
            "global",
            "all-time",
            "amy",
            "Amy",
            "X",
            0,
            1,
            1,
            Instant.parse("1969-12-31T23:59:59Z"),
            Instant.EPOCH);

    assertThatThrownBy(() -> ScriptArguments.of(event, null, KEYS, 10))
        .isInstanceOf(InvalidScoreEventException.class);
  }
}
