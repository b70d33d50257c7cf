package dev.livescoreboard.events;

/** Kafka topic names of the public contract. */
public final class Topics {

  /**
   * Every committed score change, keyed by {@link EventKeys#scoreEvent(String, String)}, and every
   * board definition, keyed by {@link EventKeys#boardEvent(String)}: the {@link ScoreboardEvent}s,
   * told apart by their {@code type}.
   */
  public static final String SCORE_EVENTS = "scoreboard.score-events.v1";

  private Topics() {}
}
