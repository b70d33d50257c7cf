package dev.livescoreboard.gateway.websocket;

/**
 * The {@code code} of an {@code ERROR} message; the connection stays open after each but {@link
 * #RATE_LIMITED}.
 */
enum MessageError {
  /** Not a JSON object, or no string {@code type}. */
  MALFORMED_MESSAGE,
  /** A {@code type} the server does not know. */
  UNKNOWN_MESSAGE_TYPE,
  /**
   * A missing board or one not matching {@link dev.livescoreboard.events.BoardIds#BOARD_PATTERN}.
   */
  INVALID_BOARD,
  /** A valid board id that no board has (the {@code BoardRegistry} does not know it). */
  BOARD_NOT_FOUND,
  /** More boards than one connection may watch. */
  SUBSCRIPTION_LIMIT,
  /** A binary message; messages are JSON text (one frame or fragments of one). */
  UNSUPPORTED_FRAME,
  /** The board's state could not be loaded; updates follow once it can. */
  UNAVAILABLE,
  /** Messages faster than the connection's rate limit; the server closes with 1008 next. */
  RATE_LIMITED
}
