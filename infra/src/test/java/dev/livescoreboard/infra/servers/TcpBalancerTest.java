package dev.livescoreboard.infra.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The balancer with plain loopback sockets as backends, in this JVM. */
class TcpBalancerTest {

  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  @Test
  void connectionsGoToTheBackendsInTurn() throws IOException {
    Backend a = backend("a");
    Backend b = backend("b");
    TcpBalancer balancer = balancer(a, b);

    List<String> answers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      answers.add(ask(balancer, "hello"));
    }

    assertThat(answers).containsExactly("a:hello", "b:hello", "a:hello", "b:hello");
  }

  @Test
  void aBackendThatRefusesIsSkipped() throws IOException {
    Backend a = backend("a");
    Backend b = backend("b");
    TcpBalancer balancer = balancer(a, b);
    b.close();

    assertThat(List.of(ask(balancer, "1"), ask(balancer, "2"), ask(balancer, "3")))
        .containsExactly("a:1", "a:2", "a:3");
  }

  @Test
  void withEveryBackendDownTheClientSeesTheConnectionClosed() throws IOException {
    Backend a = backend("a");
    TcpBalancer balancer = balancer(a);
    a.close();

    try (Socket client = new Socket(InetAddress.getLoopbackAddress(), balancer.port())) {
      assertThat(client.getInputStream().read()).isEqualTo(-1);
    }
  }

  /**
   * Sends {@code text}, ends its output (the backend answers at end of input), reads the answer.
   */
  private static String ask(TcpBalancer balancer, String text) throws IOException {
    try (Socket client = new Socket(InetAddress.getLoopbackAddress(), balancer.port())) {
      client.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
      client.shutdownOutput();
      return new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private TcpBalancer balancer(Backend... backends) {
    List<InetSocketAddress> addresses = new ArrayList<>();
    for (Backend backend : backends) {
      addresses.add(new InetSocketAddress(InetAddress.getLoopbackAddress(), backend.port()));
    }
    TcpBalancer balancer = TcpBalancer.start(0, addresses);
    open.add(balancer);
    return balancer;
  }

  private Backend backend(String name) {
    Backend backend = new Backend(name);
    open.add(backend);
    return backend;
  }

  /** Answers each connection, once its input ended, with its name and what it read. */
  private static final class Backend implements AutoCloseable {
    private final ServerSocket server;

    Backend(String name) {
      try {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Thread thread =
          new Thread(
              () -> {
                while (!server.isClosed()) {
                  try (Socket s = server.accept()) {
                    byte[] read = s.getInputStream().readAllBytes();
                    s.getOutputStream()
                        .write((name + ":" + new String(read, StandardCharsets.UTF_8)).getBytes());
                  } catch (IOException e) {
                    // closed
                  }
                }
              },
              "backend-" + name);
      thread.setDaemon(true);
      thread.start();
    }

    int port() {
      return server.getLocalPort();
    }

    @Override
    public void close() throws IOException {
      server.close();
    }
  }
}
