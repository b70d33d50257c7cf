package dev.livescoreboard.events;

import java.util.UUID;

/**
 * One record value of {@link Topics#SCORE_EVENTS}: the topic carries several event types, told
 * apart by their JSON {@code type} field, which {@link ScoreboardEventDeserializer} dispatches on.
 * Adding a type is one record implementing this interface plus one arm in {@link
 * ScoreboardEventDeserializer#read}; consumers switch over the permitted records exhaustively, so
 * the compiler lists every place a new type must be handled.
 */
public sealed interface ScoreboardEvent
    permits ScoreChanged, BoardDefined, EntryChanged, SeasonStarted {

  /** Unique id of the event. */
  UUID eventId();

  /**
   * The discriminator, a constant of the record ({@code SCORE_CHANGED}, {@code BOARD_DEFINED},
   * {@code ENTRY_CHANGED}).
   */
  String type();

  /** The board the event belongs to. */
  String board();
}
