package dev.livescoreboard.gateway.personal;

/**
 * One live connection of an authenticated user, as the personal pushes see it: a transport adapter
 * (WebSocket now, SSE alike), so the index and the delivery exist once for every transport.
 */
public interface PersonalChannel {

  /**
   * Writes {@code message} to the connection, or drops it while the connection is not writable.
   * Called on the Redis subscriber thread: must not block, so it hands the write to the
   * connection's own event loop. A transport may skip boards its connection is not about.
   */
  void push(PersonalMessage message);
}
