package dev.livescoreboard.projector.script;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livescoreboard.events.LeaderboardKeys;
import org.junit.jupiter.api.Test;

class ScriptKeysTest {

  private static final LeaderboardKeys LAYOUT = new LeaderboardKeys("p:");
  private final ScriptKeys keys = new ScriptKeys(LAYOUT);

  @Test
  void bothScriptsStartWithTheSameLiveKeys() {
    assertThat(keys.apply("global", "all-time").subList(0, 8))
        .isEqualTo(keys.swap("global", "all-time").subList(0, 8))
        .isEqualTo(keys.live("global", "all-time"));
  }

  @Test
  void swapKeysAreInTheOrderTheSwapScriptReadsThem() {
    assertThat(keys.swap("global", "all-time"))
        .containsExactly(
            "p:lb:{global}:all-time:ranking",
            "p:lb:{global}:all-time:members",
            "p:lb:{global}:all-time:versions",
            "p:lb:{global}:all-time:names",
            "p:lb:{global}:all-time:seq",
            "p:lb:{global}:all-time:top",
            "p:lb:{global}:current-season",
            "p:lb:{global}:current-season-order",
            "p:lb:{global}:all-time:ranking:rebuild",
            "p:lb:{global}:all-time:members:rebuild",
            "p:lb:{global}:all-time:versions:rebuild",
            "p:lb:{global}:all-time:names:rebuild",
            "p:lb:{global}:all-time:rebuild:active",
            "p:lb:{global}:all-time:rebuild:dirty",
            "p:lb:{global}:all-time:built");
  }
}
