package dev.livescoreboard.infra.servers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The embedded KRaft broker alone in its own JVM, started by {@link KafkaBrokerProcess}: {@code
 * --port=<0|port> [--controller-port=<0|port>] --log-dir=<dir> --partitions=<n>}. Prints {@code
 * READY <bootstrap>} on stdout once clients can connect, then runs until its stdin ends (the parent
 * closed it, or the parent died and the pipe broke) or it receives SIGTERM/SIGINT; either way the
 * broker shuts down cleanly first. Reading stdin is what ties the broker's life to its parent even
 * when the parent is killed without running its own cleanup.
 */
public final class KafkaBrokerMain {

  /** Bounds the shutdown after the parent went away, so a hung broker never lingers. */
  private static final long HALT_AFTER_MILLIS = 30_000;

  private KafkaBrokerMain() {}

  public static void main(String[] args) throws IOException {
    Map<String, String> o = options(args);
    int port = Integer.parseInt(o.getOrDefault("port", "0"));
    EmbeddedKafkaBroker broker =
        EmbeddedKafkaBroker.start(
            Path.of(required(o, "log-dir")),
            port,
            Integer.parseInt(o.getOrDefault("controller-port", port == 0 ? "0" : "" + (port + 1))),
            Integer.parseInt(o.getOrDefault("partitions", "1")));
    AtomicBoolean stopped = new AtomicBoolean();
    Runnable stop =
        () -> {
          if (stopped.compareAndSet(false, true)) {
            broker.close();
          }
        };
    Runtime.getRuntime().addShutdownHook(new Thread(stop, "kafka-broker-shutdown"));
    System.out.println("READY " + broker.bootstrapServers());
    System.out.flush();
    drain(System.in);
    Thread watchdog =
        new Thread(
            () -> {
              try {
                Thread.sleep(HALT_AFTER_MILLIS);
              } catch (InterruptedException e) {
                return;
              }
              Runtime.getRuntime().halt(1);
            },
            "kafka-broker-halt");
    watchdog.setDaemon(true);
    watchdog.start();
    stop.run();
    System.exit(0);
  }

  /** Blocks until end of input; what the parent writes does not matter. */
  private static void drain(InputStream in) {
    byte[] buffer = new byte[256];
    try {
      while (in.read(buffer) >= 0) {
        // Keep reading until end of input.
      }
    } catch (IOException e) {
      // A broken pipe means the parent is gone, exactly like end of input.
    }
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> o = new HashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (!arg.startsWith("--") || eq < 0) {
        throw new IllegalArgumentException("expected --key=value, got " + arg);
      }
      o.put(arg.substring(2, eq), arg.substring(eq + 1));
    }
    return o;
  }

  private static String required(Map<String, String> o, String key) {
    String value = o.get(key);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("--" + key + " is required");
    }
    return value;
  }
}
