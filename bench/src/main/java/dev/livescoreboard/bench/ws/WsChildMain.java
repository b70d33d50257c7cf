package dev.livescoreboard.bench.ws;

import dev.livescoreboard.bench.child.LineChild;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code --role=ws-client}: a child process of the fleet holding many clients. Prints {@code READY
 * connected slowConnected}, then reads commands on stdin ({@code WINDOW from until}, {@code RESUME
 * latestSeq timeoutMillis} answered with a {@link SlowClientResults} line, {@code STOP}; end of
 * input also stops) and reports on stdout as {@link ChildReport} describes.
 */
public final class WsChildMain {

  private WsChildMain() {}

  /** Starts a client process of the fleet; it prints {@code READY …} once connected. */
  static LineChild start(
      URI wsUri, int clients, int slowClients, String source, Path log, String mainClass)
      throws IOException {
    return LineChild.start(
        "a WebSocket client process",
        mainClass,
        List.of("-Xmx384m", "-Xss256k", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError"),
        List.of(
            "--role=ws-client",
            "--uri=" + wsUri,
            "--clients=" + clients,
            "--slow=" + slowClients,
            "--source=" + source,
            "--threads=2"),
        log);
  }

  /** Arguments: {@code --uri= --clients= --slow= --source= --threads=}. */
  public static void run(String[] args) throws Exception {
    Map<String, String> o = LineChild.arguments(args);
    PrintStream out = LineChild.stdout();
    UpdateRecorder recorder = new UpdateRecorder();
    InetAddress source = o.containsKey("source") ? InetAddress.getByName(o.get("source")) : null;
    URI uri = URI.create(o.get("uri"));
    try (WsClientGroup clients =
            new WsClientGroup(
                uri, source, Integer.parseInt(o.getOrDefault("threads", "2")), recorder);
        // Their own event loop: their frames and pauses never delay the normal clients' reads.
        SlowClients slow = new SlowClients(uri, source, 1)) {
      int connected = clients.connect(Integer.parseInt(o.get("clients")), Duration.ofMinutes(5));
      int slowConnected =
          slow.connect(Integer.parseInt(o.getOrDefault("slow", "0")), Duration.ofMinutes(5));
      out.println("READY " + connected + " " + slowConnected);
      out.flush();
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      String line;
      while ((line = in.readLine()) != null && !line.equals("STOP")) {
        String[] f = line.split(" ");
        if (f[0].equals("WINDOW")) {
          recorder.window(Long.parseLong(f[1]), Long.parseLong(f[2]));
        } else if (f[0].equals("RESUME")) {
          out.println(
              slow.resume(Long.parseLong(f[1]), Duration.ofMillis(Long.parseLong(f[2]))).toLine());
          out.flush();
        }
      }
      ChildReport.write(out, recorder.propagation(), recorder.seqTable(), clients.disconnects());
    }
  }
}
