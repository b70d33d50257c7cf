package dev.livescoreboard.bench.ws;

import dev.livescoreboard.bench.child.LineChild;
import dev.livescoreboard.bench.http.CompletionMatcher;
import dev.livescoreboard.bench.http.Histograms;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * K WebSocket clients subscribed to one board: in this process ({@code processes == 0}) or spread
 * over child JVMs ({@code --role=ws-client}), child {@code i} binding to 127.0.0.{firstSource+i} (a
 * source address has ephemeral ports for about 28,000 connections). One more in-process client
 * parses updates fully for the {@link CompletionMatcher}. Optionally S slow clients beside them
 * ({@link SlowClients}), spread the same way and counted apart.
 */
public final class WebSocketFleet implements AutoCloseable {

  private static final Duration CONNECT_TIMEOUT = Duration.ofMinutes(5);

  private final int requested;
  private final List<LineChild> children = new ArrayList<>();
  private WsClientGroup local;
  private UpdateRecorder localRecorder;
  private SlowClients localSlow;
  private UpdateObserver observing;
  private WsClientGroup observer;
  private int connected;
  private int slowConnected;

  private WebSocketFleet(int requested) {
    this.requested = requested;
  }

  /**
   * Connects all clients and returns once every process has reported how many made it.
   *
   * @param firstSource the last byte of the first child's 127.0.0.x source address; two fleets
   *     connected at once need sources of their own
   */
  public static WebSocketFleet connect(
      URI wsUri,
      int clients,
      int slowClients,
      int processes,
      int firstSource,
      CompletionMatcher matcher,
      Path logDir,
      String mainClass)
      throws IOException, InterruptedException {
    WebSocketFleet fleet = new WebSocketFleet(clients);
    try {
      fleet.observing = new UpdateObserver(matcher);
      fleet.observer = new WsClientGroup(wsUri, null, 1, fleet.observing);
      fleet.observer.connect(1, Duration.ofSeconds(30));
      if (processes <= 0) {
        fleet.localRecorder = new UpdateRecorder();
        fleet.local = new WsClientGroup(wsUri, null, 2, fleet.localRecorder);
        fleet.connected = fleet.local.connect(clients, CONNECT_TIMEOUT);
        fleet.localSlow = new SlowClients(wsUri, null, 1);
        fleet.slowConnected = fleet.localSlow.connect(slowClients, CONNECT_TIMEOUT);
        return fleet;
      }
      Files.createDirectories(logDir);
      for (int i = 0; i < processes; i++) {
        fleet.children.add(
            WsChildMain.start(
                wsUri,
                share(clients, processes, i),
                share(slowClients, processes, i),
                "127.0.0." + (firstSource + i),
                logDir.resolve("ws-client-" + (firstSource + i) + ".log"),
                mainClass));
      }
      for (LineChild child : fleet.children) {
        String[] ready = child.await("READY", CONNECT_TIMEOUT).split(" ");
        fleet.connected += Integer.parseInt(ready[1]);
        fleet.slowConnected += Integer.parseInt(ready[2]);
      }
      return fleet;
    } catch (IOException | InterruptedException | RuntimeException e) {
      fleet.close();
      throw e;
    }
  }

  /** Process {@code i}'s part of {@code total} spread over {@code processes}. */
  static int share(int total, int processes, int i) {
    return total / processes + (i < total % processes ? 1 : 0);
  }

  public int connected() {
    return connected;
  }

  public int slowConnected() {
    return slowConnected;
  }

  /** The last {@code LEADERBOARD_UPDATE} the parsing client received, byte for byte. */
  public Optional<byte[]> lastUpdate() {
    return observing.lastUpdate();
  }

  /** Process ids of the client JVMs (empty when the clients live in this process). */
  public List<Long> pids() {
    return children.stream().map(LineChild::pid).toList();
  }

  /** Counts updates committed in {@code [fromMicros, untilMicros]} (wall-clock epoch micros). */
  public void window(long fromMicros, long untilMicros) throws IOException {
    if (localRecorder != null) {
      localRecorder.window(fromMicros, untilMicros);
    }
    for (LineChild child : children) {
      child.send("WINDOW " + fromMicros + " " + untilMicros);
    }
  }

  /**
   * Lets the slow clients read again and waits (at most {@code timeout}) until each has the latest
   * seq the parsing client saw. Call after the measured window, before {@link #results()}.
   */
  public SlowClientResults resumeSlowClients(Duration timeout)
      throws IOException, InterruptedException {
    long latest = observing.latestSeq();
    SlowClientResults all = SlowClientResults.none(latest);
    if (localSlow != null) {
      all = all.plus(localSlow.resume(latest, timeout));
    }
    for (LineChild child : children) {
      child.send("RESUME " + latest + " " + timeout.toMillis());
    }
    for (LineChild child : children) {
      all =
          all.plus(
              SlowClientResults.parse(
                  child.await(SlowClientResults.LINE + " ", timeout.plusSeconds(30))));
    }
    return all;
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
    for (LineChild child : children) {
      child.send("STOP");
      for (String line = child.next(Duration.ofSeconds(60));
          !line.equals("END");
          line = child.next(Duration.ofSeconds(60))) {
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
    Histogram broadcast = Histograms.plain();
    long receipts = 0;
    for (long[] s : seqs.values()) {
      Histograms.record(spread, s[3] - s[2]);
      Histograms.record(allDelivered, s[3] - s[0]);
      if (s[1] != SeqStats.NOT_SENT) {
        Histograms.record(broadcast, s[3] - s[1]);
      }
      receipts += s[4];
    }
    return new FleetResults(
        requested,
        connected,
        disconnects,
        seqs.size(),
        receipts,
        propagation,
        spread,
        allDelivered,
        broadcast);
  }

  @Override
  public void close() {
    for (LineChild child : children) {
      child.close();
    }
    if (local != null) {
      local.close();
    }
    if (localSlow != null) {
      localSlow.close();
    }
    if (observer != null) {
      observer.close();
    }
  }
}
