package dev.livescoreboard.events;

/** Defaults of a board that every module has to agree on. */
public final class BoardDefaults {

  /**
   * How many entries a board's live top list holds unless the board says otherwise: the size of the
   * projector's {@link TopNChanged}, of the gateway's in-memory reads and of the live page.
   */
  public static final int TOP_N = 10;

  private BoardDefaults() {}
}
