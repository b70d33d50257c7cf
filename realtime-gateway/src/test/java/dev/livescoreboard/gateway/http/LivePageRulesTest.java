package dev.livescoreboard.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livescoreboard.events.BoardDefaults;
import dev.livescoreboard.events.BoardIds;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The live page repeats shared rules in JavaScript; its copies must equal the Java ones. */
class LivePageRulesTest {

  private final String appJs = resource("static/app.js");

  @Test
  void pageValidatesBoardIdsWithTheSharedPattern() {
    assertThat(declared("BOARD_ID", "/\\^(.*)\\$/")).isEqualTo(BoardIds.BOARD_PATTERN);
  }

  @Test
  void pageFallsBackToTheDefaultBoard() {
    assertThat(declared("DEFAULT_BOARD", "'(.*)'")).isEqualTo(BoardIds.DEFAULT_BOARD);
  }

  @Test
  void pageShowsTheDefaultTopN() {
    assertThat(declared("TOP_N", "(\\d+)")).isEqualTo(Integer.toString(BoardDefaults.TOP_N));
  }

  /** The literal {@code var name = <literal>;} declares, matched by {@code literal}'s group. */
  private String declared(String name, String literal) {
    Matcher m = Pattern.compile("(?m)^\\s*var " + name + " = " + literal + ";$").matcher(appJs);
    assertThat(m.find()).as("app.js declares %s", name).isTrue();
    String value = m.group(1);
    assertThat(m.find()).as("app.js declares %s once", name).isFalse();
    return value;
  }

  private static String resource(String name) {
    try (InputStream in = LivePageRulesTest.class.getClassLoader().getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
