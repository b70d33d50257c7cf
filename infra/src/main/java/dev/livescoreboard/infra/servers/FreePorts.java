package dev.livescoreboard.infra.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Finds free loopback ports for servers that must be told their port up front.
 *
 * <p>"Any free port" is taken below the kernel's ephemeral range, never from it: the kernel hands
 * ephemeral ports to outgoing connections (of any process on the machine), and a server that is
 * restarted in place (a fault drill, a redeploy) could otherwise find its port taken by some
 * client's connection in the moment it was down, and fail with "address in use" — seen on a busy
 * build machine after a kill -9.
 */
public final class FreePorts {

  /** Above the ports of common installed servers. */
  private static final int LOWEST = 10_000;

  /** Linux's default start of the ephemeral range; macOS and Windows start higher (49152). */
  private static final int DEFAULT_EPHEMERAL_START = 32_768;

  private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
  private static final int ATTEMPTS = 200;

  private FreePorts() {}

  /** A port that was free a moment ago; {@code preferred} if it is free, any free port if 0. */
  public static int pick(int preferred) {
    if (preferred != 0) {
      if (!isFree(preferred)) {
        throw new UncheckedIOException(new IOException("port " + preferred + " is in use"));
      }
      return preferred;
    }
    int end = ephemeralStart();
    for (int i = 0; i < ATTEMPTS && end > LOWEST; i++) {
      int candidate = ThreadLocalRandom.current().nextInt(LOWEST, end);
      if (isFree(candidate)) {
        return candidate;
      }
    }
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** The first port of the kernel's ephemeral range. */
  static int ephemeralStart() {
    try {
      // readAllLines: readString returns only the first byte of this /proc file (JDK 17 and 25).
      String range = Files.readAllLines(EPHEMERAL_RANGE).get(0);
      return Integer.parseInt(range.trim().split("\\s+")[0]);
    } catch (IOException | RuntimeException e) {
      return DEFAULT_EPHEMERAL_START;
    }
  }
}
