package dev.livescoreboard.infra.servers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A round-robin TCP (layer 4) balancer on loopback, in front of several instances of one service as
 * a cloud load balancer or a Kubernetes Service is: each accepted connection is piped to the next
 * backend in turn, and a backend that refuses the connection (stopped, killed, still starting) is
 * skipped for the next one. It balances connections, not requests: a keep-alive connection stays
 * with the instance it was given, as behind kube-proxy.
 *
 * <p>Why not nginx, which balances the services in {@code deploy/compose.yaml}: the local stack
 * needs nothing but a JDK and what Maven Central serves, and nginx is no Maven artifact. Why plain
 * blocking sockets: a local stack has tens of connections, and copying bytes both ways is all there
 * is to do.
 *
 * <p>Threads: one accepts; each connection has two daemon threads, one copying each way. When one
 * side ends its output, the other side's output is shut down too (a half-close passes through);
 * when either side fails, both are closed.
 */
public final class TcpBalancer implements AutoCloseable {

  /** A backend that does not accept within this is skipped, as if it refused. */
  private static final int CONNECT_TIMEOUT_MILLIS = 1_000;

  private final ServerSocket server;
  private final List<InetSocketAddress> backends;
  private final AtomicInteger next = new AtomicInteger();
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private final ExecutorService threads =
      Executors.newCachedThreadPool(
          r -> {
            Thread thread = new Thread(r, "tcp-balancer");
            thread.setDaemon(true);
            return thread;
          });

  private TcpBalancer(ServerSocket server, List<InetSocketAddress> backends) {
    this.server = server;
    this.backends = List.copyOf(backends);
  }

  /**
   * Listens on {@code port} of the loopback address (0: any free port) and balances over {@code
   * backends}.
   */
  public static TcpBalancer start(int port, List<InetSocketAddress> backends) {
    if (backends.isEmpty()) {
      throw new IllegalArgumentException("no backends to balance");
    }
    try {
      ServerSocket server = new ServerSocket();
      server.setReuseAddress(true);
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      TcpBalancer balancer = new TcpBalancer(server, backends);
      balancer.threads.execute(balancer::accept);
      return balancer;
    } catch (IOException e) {
      throw new UncheckedIOException("could not listen on port " + port, e);
    }
  }

  public int port() {
    return server.getLocalPort();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        sockets.add(client);
        threads.execute(() -> serve(client));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket client) {
    Socket upstream = connectToNextBackend();
    if (upstream == null) {
      closeQuietly(client); // every backend refused: the client sees the connection closed
      return;
    }
    sockets.add(upstream);
    AtomicInteger open = new AtomicInteger(2);
    threads.execute(() -> copy(client, upstream, open));
    copy(upstream, client, open);
  }

  /** The next backend in turn that accepts a connection, or {@code null} if none does. */
  private Socket connectToNextBackend() {
    int first = Math.floorMod(next.getAndIncrement(), backends.size());
    for (int i = 0; i < backends.size(); i++) {
      Socket upstream = new Socket();
      try {
        upstream.connect(backends.get((first + i) % backends.size()), CONNECT_TIMEOUT_MILLIS);
        return upstream;
      } catch (IOException e) {
        closeQuietly(upstream);
      }
    }
    return null;
  }

  /** Copies until {@code from} ends, then passes the end on; the last copy to end closes both. */
  private void copy(Socket from, Socket to, AtomicInteger open) {
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      byte[] buffer = new byte[16 * 1024];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        out.write(buffer, 0, n);
        out.flush();
      }
      to.shutdownOutput();
      if (open.decrementAndGet() == 0) {
        closeQuietly(from);
        closeQuietly(to);
      }
    } catch (IOException e) {
      // A reset or a closed socket: nothing more goes either way.
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  private void closeQuietly(Socket socket) {
    sockets.remove(socket);
    try {
      socket.close();
    } catch (IOException e) {
      // Already closed.
    }
  }

  /** Stops accepting and closes the connections it pipes. */
  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      // Already closed.
    }
    sockets.forEach(this::closeQuietly);
    threads.shutdownNow();
  }
}
