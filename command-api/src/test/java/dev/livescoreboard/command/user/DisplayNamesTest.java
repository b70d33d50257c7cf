package dev.livescoreboard.command.user;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DisplayNamesTest {

  @Test
  void plainNamesAreValid() {
    assertThat(DisplayNames.isValid("Alice")).isTrue();
    assertThat(DisplayNames.isValid("Zoë_the-3rd.")).isTrue();
    assertThat(DisplayNames.isValid("Jean Luc")).isTrue();
    assertThat(DisplayNames.isValid("x".repeat(32))).isTrue();
  }

  @Test
  void markupEmptyLongAndPaddedNamesAreInvalid() {
    assertThat(DisplayNames.isValid("<script>alert(1)</script>")).isFalse();
    assertThat(DisplayNames.isValid("")).isFalse();
    assertThat(DisplayNames.isValid(null)).isFalse();
    assertThat(DisplayNames.isValid("x".repeat(33))).isFalse();
    assertThat(DisplayNames.isValid(" Alice")).isFalse();
    assertThat(DisplayNames.isValid("Alice ")).isFalse();
    assertThat(DisplayNames.isValid("Al\u0000ice")).isFalse();
  }

  @Test
  void sanitizingDropsDisallowedCharacters() {
    assertThat(DisplayNames.sanitize("<b>Bob</b>", "sub")).isEqualTo("bBobb");
    assertThat(DisplayNames.sanitize("  Ann   Lee \t", "sub")).isEqualTo("Ann Lee");
    assertThat(DisplayNames.sanitize("Zoe\u0308", "sub")).isEqualTo("Zoë");
  }

  @Test
  void sanitizingTruncatesTo32Characters() {
    String name = DisplayNames.sanitize("a".repeat(31) + " bcdef", "sub");

    assertThat(name).isEqualTo("a".repeat(31));
    assertThat(DisplayNames.isValid(name)).isTrue();
  }

  @Test
  void sanitizingFallsBackToTheSubject() {
    assertThat(DisplayNames.sanitize(null, "auth0|user-42")).isEqualTo("auth0user-42");
    assertThat(DisplayNames.sanitize("<<>>", "player.7")).isEqualTo("player.7");
    assertThat(DisplayNames.sanitize("!!!", "|||")).isEqualTo("Player");
  }

  @Test
  void sanitizedNamesAreAlwaysValid() {
    for (String raw : new String[] {"<x>", " a ", "\u200b", "名前テスト", "a  b", "😀 smile"}) {
      assertThat(DisplayNames.isValid(DisplayNames.sanitize(raw, "sub-1"))).as(raw).isTrue();
    }
  }
}
