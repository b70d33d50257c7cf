package dev.livescoreboard.gateway.rank;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RankParamsTest {

  @Test
  void missingValuesAreTheDefaults() {
    assertThat(RankParams.radius(null)).hasValue(RankParams.DEFAULT_RADIUS);
    assertThat(RankParams.radius("")).hasValue(RankParams.DEFAULT_RADIUS);
    assertThat(RankParams.offset(null)).hasValue(0);
  }

  @Test
  void limitsAreInclusive() {
    assertThat(RankParams.radius("0")).hasValue(0);
    assertThat(RankParams.radius("25")).hasValue(25);
    assertThat(RankParams.radius("26")).isEmpty();
    assertThat(RankParams.offset("999999999")).hasValue(999_999_999);
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "+1", "1.5", "ten", "1e3", "0x10", "1000000000", " 1"})
  void nonDecimalsAndOutOfRangeAreRefused(String raw) {
    assertThat(RankParams.offset(raw)).isEmpty();
  }

  @Test
  void idsAreDeduplicatedInTheirFirstOrder() {
    assertThat(RankParams.ids("b,a,b")).hasValue(List.of("b", "a"));
  }

  @Test
  void aHundredDistinctIdsAtMost() {
    StringBuilder ids = new StringBuilder("u0");
    for (int i = 1; i < RankParams.MAX_IDS; i++) {
      ids.append(",u").append(i);
    }
    assertThat(RankParams.ids(ids.toString())).hasValueSatisfying(l -> assertThat(l).hasSize(100));
    assertThat(RankParams.ids(ids + ",u100")).isEmpty();
    assertThat(RankParams.ids(String.join(",", Collections.nCopies(500, "same")))).isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ",", "a,", "a,,b", "a b", "tab\there"})
  void emptyOrInvisibleIdsAreRefused(String raw) {
    assertThat(RankParams.ids(raw)).isEmpty();
  }

  @Test
  void aUserIdIsBounded() {
    assertThat(RankParams.isValidUserId("x".repeat(128))).isTrue();
    assertThat(RankParams.isValidUserId("x".repeat(129))).isFalse();
  }
}
