package dev.livescoreboard.projector.script;

import dev.livescoreboard.events.redis.LuaScript;

/**
 * The projector's Lua scripts, each with the shared {@code lua/top-n.lua} helpers prepended, so the
 * apply and the rebuild swap describe and publish top-N states with the same code.
 */
public final class TopNScripts {

  static final String LIBRARY = "lua/top-n.lua";

  private TopNScripts() {}

  /** The classpath script {@code resource} preceded by the top-N helpers. */
  public static LuaScript load(String resource) {
    return LuaScript.fromClasspath(LIBRARY, resource);
  }
}
