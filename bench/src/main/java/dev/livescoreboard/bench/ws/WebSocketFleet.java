package dev.livescoreboard.bench.ws;

import dev.livescoreboard.bench.http.CompletionMatcher;
import dev.livescoreboard.bench.http.Histograms;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * K WebSocket clients subscribed to one board: in this process ({@code processes == 0}) or spread
 * over child JVMs ({@code --role=ws-client}), child {@code i} binding to 127.0.0.{i+2}. One more
 * in-process client parses updates fully for the {@link CompletionMatcher}.
 */
public final class WebSocketFleet implements AutoCloseable {

  private static final Duration CONNECT_TIMEOUT = Duration.ofMinutes(5);

  private final int requested;
  private final List<Child> children = new ArrayList<>();
  private WsClientGroup local;
  private UpdateRecorder localRecorder;
  private WsClientGroup observer;
  private int connected;

  private WebSocketFleet(int requested) {
    this.requested = requested;
  }

  /** Connects all clients and returns once every process has reported how many made it. */
  public static WebSocketFleet connect(
      URI wsUri, int clients, int processes, CompletionMatcher matcher, Path logDir, String mainClass)
      throws IOException, InterruptedException {
    WebSocketFleet fleet = new WebSocketFleet(clients);
    try {
      fleet.observer = new WsClientGroup(wsUri, null, 1, new UpdateObserver(matcher));
      fleet.observer.connect(1, Duration.ofSeconds(30));
      if (processes <= 0) {
        fleet.localRecorder = new UpdateRecorder();
        fleet.local = new WsClientGroup(wsUri, null, 2, fleet.localRecorder);
        fleet.connected = fleet.local.connect(clients, CONNECT_TIMEOUT);
        return fleet;
      }
      Files.createDirectories(logDir);
      for (int i = 0; i < processes; i++) {
        int share = clients / processes + (i < clients % processes ? 1 : 0);
        fleet.children.add(Child.start(wsUri, share, "127.0.0." + (i + 2), logDir.resolve("ws-client-" + i + ".log"), mainClass));
      }
      for (Child child : fleet.children) {
        String ready = child.await("READY", CONNECT_TIMEOUT);
        fleet.connected += Integer.parseInt(ready.split(" ")[1]);
      }
      return fleet;
    } catch (IOException | InterruptedException | RuntimeException e) {
      fleet.close();
      throw e;
    }
  }

  public int connected() {
    return connected;
  }

  /** Process ids of the client JVMs (empty when the clients live in this process). */
  public List<Long> pids() {
    return children.stream().map(c -> c.process().pid()).toList();
  }

  /** Counts updates committed in {@code [fromMicros, untilMicros]} (wall-clock epoch micros). */
  public void window(long fromMicros, long untilMicros) throws IOException {
    if (localRecorder != null) {
      localRecorder.window(fromMicros, untilMicros);
    }
    for (Child child : children) {
      child.send("WINDOW " + fromMicros + " " + untilMicros);
    }
  }

  /** Stops recording and merges what every process saw. */
  public FleetResults results() throws IOException, InterruptedException {
    Histogram propagation = Histograms.plain();
    Map<Long, long[]> seqs = new TreeMap<>();
    long disconnects = 0;
    if (local != null) {
      propagation.add(localRecorder.propagation());
      seqs.putAll(localRecorder.seqTable());
      disconnects += local.disconnects();
    }
    for (Child child : children) {
      child.send("STOP");
      for (String line = child.next(Duration.ofSeconds(60)); !line.equals("END"); line = child.next(Duration.ofSeconds(60))) {
        if (line.startsWith("HIST ")) {
          propagation.add(ChildReport.decodeHistogram(line.substring(5)));
        } else if (line.startsWith("SEQ ")) {
          ChildReport.mergeSeqLine(line, seqs);
        } else if (line.startsWith("DISCONNECTS ")) {
          disconnects += Long.parseLong(line.substring(12));
        }
      }
    }
    Histogram spread = Histograms.plain();
    Histogram allDelivered = Histograms.plain();
    long receipts = 0;
    for (long[] s : seqs.values()) {
      Histograms.record(spread, s[2] - s[1]);
      Histograms.record(allDelivered, s[2] - s[0]);
      receipts += s[3];
    }
    return new FleetResults(requested, connected, disconnects, seqs.size(), receipts, propagation, spread, allDelivered);
  }

  @Override
  public void close() {
    for (Child child : children) {
      child.close();
    }
    if (local != null) {
      local.close();
    }
    if (observer != null) {
      observer.close();
    }
  }

  /** One client process and the lines it printed. */
  private record Child(Process process, Writer stdin, BlockingQueue<String> lines) {

    static Child start(URI wsUri, int clients, String source, Path log, String mainClass) throws IOException {
      List<String> command =
          SelfLauncher.command(
              mainClass,
              List.of("-Xmx384m", "-Xss256k", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError"),
              List.of("--role=ws-client", "--uri=" + wsUri, "--clients=" + clients, "--source=" + source, "--threads=2"));
      Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
      BlockingQueue<String> lines = new LinkedBlockingQueue<>();
      Thread reader =
          new Thread(
              () -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                  for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                  }
                } catch (IOException e) {
                  // The process ended; await() reports the missing lines.
                }
                lines.add("EOF");
              },
              "ws-client-reader");
      reader.setDaemon(true);
      reader.start();
      return new Child(process, new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), lines);
    }

    String await(String prefix, Duration timeout) throws InterruptedException {
      for (String line = next(timeout); ; line = next(timeout)) {
        if (line.startsWith(prefix)) {
          return line;
        }
      }
    }

    String next(Duration timeout) throws InterruptedException {
      String line = lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (line == null || line.equals("EOF")) {
        throw new IllegalStateException("a WebSocket client process stopped answering; see its log");
      }
      return line;
    }

    void send(String command) throws IOException {
      stdin.write(command + "\n");
      stdin.flush();
    }

    void close() {
      try {
        stdin.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        try {
          if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly();
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          process.destroyForcibly();
        }
      }
    }
  }
}
