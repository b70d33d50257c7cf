package dev.livescoreboard.infra.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Finds free loopback ports for servers that must be told their port up front. */
public final class FreePorts {

  private FreePorts() {}

  /** A port that was free a moment ago; {@code preferred} if it is free, any free port if 0. */
  public static int pick(int preferred) {
    try (ServerSocket socket = new ServerSocket(preferred, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      if (preferred != 0) {
        throw new UncheckedIOException("port " + preferred + " is in use", e);
      }
      throw new UncheckedIOException(e);
    }
  }
}
