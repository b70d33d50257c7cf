package dev.livescoreboard.events.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LuaScriptTest {

  private static final List<String> KEYS = List.of("k");
  private static final List<String> ARGS = List.of("a");

  private final LuaScript script =
      LuaScript.fromClasspath("lua/test-library.lua", "lua/test-script.lua");
  private final List<String> sent = new ArrayList<>();

  @Test
  void theShaIsTheOneRedisComputes() {
    assertThat(LuaScript.sha1Hex("")).isEqualTo("da39a3ee5e6b4b0d3255bfef95601890afd80709");
    assertThat(script.sha1()).isEqualTo(LuaScript.sha1Hex(script.source()));
  }

  @Test
  void resourcesAreJoinedInOrderIntoOneSource() {
    assertThat(script.source()).isEqualTo("local function one() return 1 end\n\nreturn one()\n");
  }

  @Test
  void aKnownScriptRunsByItsShaOnly() {
    Object reply = script.eval(record("ok"), record("unused"), KEYS, ARGS);

    assertThat(reply).isEqualTo("ok");
    assertThat(sent).containsExactly(script.sha1());
  }

  @Test
  void onNoScriptTheSourceIsSent() {
    LuaScript.ScriptCall unknown =
        (sha, keys, args) -> {
          sent.add(sha);
          throw new IllegalStateException("NOSCRIPT No matching script. Please use EVAL.");
        };

    Object reply = script.eval(unknown, record("ran"), KEYS, ARGS);

    assertThat(reply).isEqualTo("ran");
    assertThat(sent).containsExactly(script.sha1(), script.source());
  }

  @Test
  void otherFailuresArePassedOnWithoutASecondCall() {
    LuaScript.ScriptCall down =
        (sha, keys, args) -> {
          throw new IllegalStateException("connection refused");
        };

    assertThatThrownBy(() -> script.eval(down, record("unused"), KEYS, ARGS))
        .hasMessage("connection refused");
    assertThat(sent).isEmpty();
  }

  @Test
  void aMissingResourceFailsAtOnce() {
    assertThatThrownBy(() -> LuaScript.fromClasspath("lua/missing.lua"))
        .hasMessageContaining("lua/missing.lua");
  }

  private LuaScript.ScriptCall record(Object reply) {
    return (script, keys, args) -> {
      sent.add(script);
      return reply;
    };
  }
}
