package dev.livescoreboard.gateway.http;

import io.netty.handler.codec.http.HttpMethod;
import java.util.ArrayDeque;

/**
 * One connection's requests that went down the pipeline and still await their response, oldest
 * first: what Netty's {@code HttpServerCodec} tracks internally, shared here by the split codec so
 * that the top-N fast path can answer in front of it without breaking the order of responses. Only
 * the channel's event loop touches it.
 */
final class PendingRequests {

  /**
   * Requests a client may pipeline before its connection is closed (Netty's own default): each one
   * holds memory until it is answered, and no browser pipelines at all.
   */
  static final int MAX_PIPELINED = 128;

  private final ArrayDeque<HttpMethod> methods = new ArrayDeque<>(2);
  private boolean closeAfterResponse;

  /** Whether every request so far has been answered (a new one may be answered at once). */
  boolean isEmpty() {
    return methods.isEmpty();
  }

  /** Records a request handed on; {@code false} if the client has pipelined too many. */
  boolean add(HttpMethod method) {
    if (methods.size() >= MAX_PIPELINED) {
      return false;
    }
    methods.add(method);
    return true;
  }

  /** The method of the oldest unanswered request, now being answered; {@code null} if none. */
  HttpMethod answer() {
    return methods.poll();
  }

  /** Marks the connection to close after the next response (an ambiguous request framing). */
  void closeAfterResponse() {
    closeAfterResponse = true;
  }

  /** Whether the response being completed must close the connection; resets the mark. */
  boolean takeCloseAfterResponse() {
    boolean close = closeAfterResponse;
    closeAfterResponse = false;
    return close;
  }
}
