package dev.livescoreboard.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BoardIdsTest {

  @Test
  void boardIdsFollowTheRule() {
    assertThat(BoardIds.isValidBoard(BoardIds.DEFAULT_BOARD)).isTrue();
    assertThat(BoardIds.isValidBoard("cup_2026-w48")).isTrue();
    assertThat(BoardIds.isValidBoard("a".repeat(64))).isTrue();
    assertThat(BoardIds.isValidBoard("a".repeat(65))).isFalse();
    assertThat(BoardIds.isValidBoard("-global")).isFalse();
    assertThat(BoardIds.isValidBoard("Global")).isFalse();
    assertThat(BoardIds.isValidBoard("a}b")).isFalse();
    assertThat(BoardIds.isValidBoard("global'; DROP TABLE boards;--")).isFalse();
    assertThat(BoardIds.isValidBoard(null)).isFalse();
  }
}
