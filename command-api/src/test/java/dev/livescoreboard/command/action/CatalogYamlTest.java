package dev.livescoreboard.command.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class CatalogYamlTest {

  @Test
  void readsEveryKeyOfAnAction() {
    CatalogSnapshot catalog =
        CatalogYaml.parse(
            """
            actions:
              - type: WIN_MATCH
                points: 20
                max-per-hour: 30
                max-per-day: 100
                once-per-day: false
                min-seconds: 5
                boards: [global, weekly-cup]
              - type: DAILY_LOGIN_BONUS
                points: 5
                once-per-day: true
            """);

    ActionDefinition win = catalog.find("WIN_MATCH").orElseThrow();
    assertThat(win.points()).isEqualTo(20);
    assertThat(win.maxPerHour()).isEqualTo(30);
    assertThat(win.maxPerDay()).isEqualTo(100);
    assertThat(win.oncePerDay()).isFalse();
    assertThat(win.minSeconds()).isEqualTo(5);
    assertThat(win.boards()).containsExactly("global", "weekly-cup");
    ActionDefinition daily = catalog.find("DAILY_LOGIN_BONUS").orElseThrow();
    assertThat(daily.dailyLimit()).isEqualTo(1);
    assertThat(daily.maxPerHour()).isNull();
    assertThat(daily.minSeconds()).isZero();
    assertThat(daily.boards()).containsExactly("global");
  }

  @Test
  void theShippedCatalogIsValid() throws IOException {
    CatalogSnapshot shipped =
        CatalogYaml.parse(ActionCatalogSource.of("classpath:actions.yml").read());

    assertThat(shipped.actions())
        .extracting(ActionDefinition::type)
        .contains("COMPLETE_LEVEL", "WIN_MATCH", "DAILY_LOGIN_BONUS", "REFER_FRIEND_COMPLETED");
  }

  @Test
  void pointsOutOfRangeAreRefusedNamingTheAction() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> CatalogYaml.parse("actions:\n  - type: GREEDY\n    points: 500\n"))
        .withMessageContaining("GREEDY")
        .withMessageContaining("points must be 1..100");
  }

  @Test
  void missingPointsAreRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> CatalogYaml.parse("actions:\n  - type: NOTHING\n"))
        .withMessageContaining("points");
  }

  @Test
  void unknownKeysAreRefusedSoATypoCannotDropALimit() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                CatalogYaml.parse(
                    "actions:\n  - type: WIN_MATCH\n    points: 20\n    max-per-hours: 3\n"))
        .withMessageContaining("max-per-hours");
  }

  @Test
  void wrongTypesAndSyntaxErrorsAreRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> CatalogYaml.parse("actions:\n  - type: A\n    points: lots\n"));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> CatalogYaml.parse("actions: [\n  - type: A\n"));
  }

  @Test
  void emptyOrDuplicateCatalogsAreRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> CatalogYaml.parse(""));
    assertThatIllegalArgumentException().isThrownBy(() -> CatalogYaml.parse("actions: []\n"));
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                CatalogYaml.parse("actions:\n  - {type: A, points: 1}\n  - {type: A, points: 2}\n"))
        .withMessageContaining("listed twice");
  }

  @Test
  void fileLocationsWithoutClasspathPrefixAreReloadableFiles() {
    assertThat(ActionCatalogSource.of("classpath:actions.yml").reloadable()).isFalse();
    assertThat(ActionCatalogSource.of("/etc/scoreboard/actions.yml").reloadable()).isTrue();
    assertThat(ActionCatalogSource.of("file:/etc/scoreboard/actions.yml").reloadable()).isTrue();
  }
}
