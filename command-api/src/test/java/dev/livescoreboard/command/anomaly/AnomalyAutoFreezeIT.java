package dev.livescoreboard.command.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** With {@code auto-freeze} on, a new flag freezes the user through the freeze path, audited. */
@TestPropertySource(properties = "scoreboard.anomaly.auto-freeze=true")
class AnomalyAutoFreezeIT extends AnomalyTestBase {

  @Test
  void scriptedPlayerIsFrozenByTheJobAndPeopleAreNot() {
    Players players = playScenario();

    assertThat(scan.run()).isNotEmpty();

    assertThat(status(players.bot(), "frozen")).isOne();
    assertThat(status(players.normal(), "active")).isOne();
    players.others().forEach(other -> assertThat(status(other, "active")).isOne());
    assertThat(
            count(
                """
                SELECT count(*) FROM admin_audit WHERE actor = 'anomaly-job'
                  AND action = 'USER_FROZEN' AND target = ?
                  AND jsonb_array_length(details -> 'flagIds') = 3
                """,
                "user:" + players.bot()))
        .isOne();
    // Frozen: the script's next start is refused.
    Response next =
        post("/api/v1/actions", tokenFor(players.bot()), java.util.Map.of("actionType", ACTION));
    assertThat(next.code()).isEqualTo("USER_FROZEN");
  }
}
