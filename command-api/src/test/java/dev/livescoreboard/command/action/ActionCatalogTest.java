package dev.livescoreboard.command.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.livescoreboard.command.problem.ApiException;
import dev.livescoreboard.events.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActionCatalogTest {

  private static ActionDefinition action(String type, int points) {
    return new ActionDefinition(type, points, null, null, false, 0, List.of("global"));
  }

  @Test
  void pointsOutsideOneToHundredAreRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> action("ZERO", 0));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> action("TOO_MUCH", 101))
        .withMessageContaining("points must be 1..100");
    assertThat(action("MIN", 1).points()).isEqualTo(1);
    assertThat(action("MAX", 100).points()).isEqualTo(100);
  }

  @Test
  void duplicateTypesAreRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ActionCatalog.of(List.of(action("A", 1), action("A", 2))));
  }

  @Test
  void emptyCatalogIsRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> ActionCatalog.of(List.of()));
  }

  @Test
  void badBoardIdsAndTypesAreRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> new ActionDefinition("A", 5, null, null, false, 0, List.of("Not A Board")));
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> new ActionDefinition("lower", 5, null, null, false, 0, List.of("global")));
  }

  @Test
  void oncePerDayIsADailyLimitOfOne() {
    ActionDefinition daily = new ActionDefinition("DAILY", 5, null, 3, true, 0, null);
    ActionDefinition free = action("FREE", 5);

    assertThat(daily.dailyLimit()).isEqualTo(1);
    assertThat(daily.hasQuota()).isTrue();
    assertThat(free.dailyLimit()).isNull();
    assertThat(free.hasQuota()).isFalse();
  }

  @Test
  void minSecondsBeyondTheTokenLifetimeAreRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ActionDefinition("SLOW", 5, null, null, false, 301, null));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ActionDefinition("NEG", 5, null, null, false, -1, null));
  }

  @Test
  void boardsDefaultToGlobal() {
    assertThat(new ActionDefinition("A", 5, null, null, false, 0, null).boards())
        .containsExactly("global");
  }

  @Test
  void unknownTypeIsAValidationError() {
    ActionCatalog catalog = ActionCatalog.of(List.of(action("WIN_MATCH", 20)));

    assertThat(catalog.require("WIN_MATCH").points()).isEqualTo(20);
    assertThatThrownBy(() -> catalog.require("FLY_TO_MOON"))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
  }

  @Test
  void boardOutsideTheActionsBoardsIsAValidationError() {
    ActionDefinition action = action("WIN_MATCH", 20);

    assertThatThrownBy(() -> action.requireBoard("weekly-cup"))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
  }
}
