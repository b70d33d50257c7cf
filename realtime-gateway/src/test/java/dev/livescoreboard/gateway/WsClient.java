package dev.livescoreboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livescoreboard.events.EventJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;

/** A real WebSocket client (the JDK's) that queues every text message it receives. */
final class WsClient implements WebSocket.Listener, AutoCloseable {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
  private final StringBuilder partial = new StringBuilder();
  final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
  private WebSocket socket;

  /** Connects; the builder customizer adds headers or subprotocols. */
  static WsClient connect(URI uri, UnaryOperator<WebSocket.Builder> customizer) {
    WsClient client = new WsClient();
    client.socket =
        customizer
            .apply(HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5)))
            .buildAsync(uri, client)
            .orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS)
            .join();
    return client;
  }

  /** The HTTP status of a refused handshake. */
  static int refusedStatus(URI uri, UnaryOperator<WebSocket.Builder> customizer) {
    try {
      connect(uri, customizer).close();
    } catch (CompletionException e) {
      if (e.getCause() instanceof WebSocketHandshakeException refused) {
        return refused.getResponse().statusCode();
      }
      throw e;
    }
    throw new AssertionError("the handshake was accepted");
  }

  String subprotocol() {
    return socket.getSubprotocol();
  }

  void send(String text) {
    socket.sendText(text, true).join();
  }

  /** Sends one fragment of a text message: a text frame, then continuation frames; last ends it. */
  void sendPart(String text, boolean last) {
    socket.sendText(text, last).join();
  }

  /**
   * Sends unless the server has closed the connection meanwhile (the JDK answers a close frame at
   * once and then refuses to send); {@code false} when it had.
   */
  boolean sendUnlessClosed(String text) {
    return unlessClosed(() -> send(text));
  }

  /** Sends one fragment, unless the server has closed the connection meanwhile. */
  boolean sendPartUnlessClosed(String text, boolean last) {
    return unlessClosed(() -> sendPart(text, last));
  }

  /** Sends a WebSocket ping frame, unless the server has closed the connection meanwhile. */
  boolean pingUnlessClosed() {
    return unlessClosed(() -> socket.sendPing(ByteBuffer.allocate(0)).join());
  }

  private boolean unlessClosed(Runnable send) {
    try {
      send.run();
      return true;
    } catch (CompletionException e) {
      // Either the close frame arrived first, or the server's close of the TCP connection did
      // (the JDK then fails the send with an IOException before it marks the output closed).
      if (socket.isOutputClosed() || e.getCause() instanceof IOException) {
        return false;
      }
      throw e;
    }
  }

  /** The next message, failing the test if none arrives in time. */
  JsonNode next() {
    try {
      JsonNode message = messages.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      assertThat(message).as("a message within " + WAIT).isNotNull();
      return message;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The next message if one arrives within {@code timeout}, else {@code null}. */
  JsonNode poll(Duration timeout) {
    try {
      return messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The next message, which must be of {@code type}. */
  JsonNode next(String type) {
    JsonNode message = next();
    assertThat(message.path("type").asString()).as(message.toString()).isEqualTo(type);
    return message;
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      messages.add(EventJson.fromJson(partial.toString(), JsonNode.class));
      partial.setLength(0);
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closeCode.complete(statusCode);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closeCode.completeExceptionally(error);
  }

  @Override
  public void close() {
    if (!socket.isOutputClosed()) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
    }
    socket.abort();
  }
}
