package dev.livescoreboard.bench.ceiling;

import dev.livescoreboard.bench.child.LineChild;
import dev.livescoreboard.infra.LocalStack;
import dev.livescoreboard.infra.servers.JavaMainCommand;
import dev.livescoreboard.infra.servers.ServiceJava;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The bare fan-out ceiling (SPEC §8): a {@link FanOutServer} in a JVM of its own, started with the
 * gateway's JVM options and event-loop count, that the bench tells when to broadcast. Each
 * broadcast sends a real {@code LEADERBOARD_UPDATE} the gateway sent (the template, so the frame
 * has the same size) with its {@code seq} replaced and {@code sentAt} (and {@code
 * sourceCommittedAt}, which the fleet's window is keyed on) set to the moment the server began the
 * broadcast, exactly as the gateway stamps its own: so the fleet measures both with one definition,
 * last receipt − {@code sentAt}.
 *
 * <p>The child ({@code --role=fanout-server --threads=N --template=file}) prints {@code LISTENING
 * port}, then broadcasts once per {@code BROADCAST seq} line on its stdin until stdin ends.
 */
public final class FanOutCeiling implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final LineChild child;
  private final int port;

  private FanOutCeiling(LineChild child, int port) {
    this.child = child;
    this.port = port;
  }

  /**
   * Starts the server.
   *
   * @param threads the gateway's event loops
   * @param logDir where its log goes
   * @param mainClass the bench's main class (it dispatches {@code --role=fanout-server})
   */
  public static FanOutCeiling start(int threads, Path logDir, String mainClass)
      throws IOException, InterruptedException {
    Files.createDirectories(logDir);
    List<String> jvm = new ArrayList<>(LocalStack.GATEWAY_JVM_OPTIONS);
    jvm.add("-XX:+ExitOnOutOfMemoryError");
    LineChild child =
        LineChild.start(
            "the bare fan-out server",
            // On the gateway's Java and runtime options, so the two differ only in their code.
            JavaMainCommand.on(
                ServiceJava.detect(),
                mainClass,
                jvm,
                List.of("--role=fanout-server", "--threads=" + threads)),
            logDir.resolve("fanout-server.log"));
    try {
      int port = Integer.parseInt(child.await("LISTENING ", START_TIMEOUT).substring(10));
      return new FanOutCeiling(child, port);
    } catch (RuntimeException | InterruptedException e) {
      child.close();
      throw e;
    }
  }

  /** Where the fleet connects, with the same query as for the gateway (the server ignores it). */
  public URI webSocketUri(String board) {
    return URI.create("ws://127.0.0.1:" + port + FanOutServer.PATH + "?board=" + board);
  }

  /**
   * Asks for one broadcast of {@code template} (a {@code LEADERBOARD_UPDATE} the gateway sent) as
   * update {@code seq}; returns at once.
   */
  public void broadcast(long seq, byte[] template) throws IOException {
    child.send("BROADCAST " + seq + " " + Base64.getEncoder().encodeToString(template));
  }

  public long pid() {
    return child.pid();
  }

  @Override
  public void close() {
    child.close();
  }

  /** {@code --role=fanout-server}: runs the server until stdin ends. */
  public static void run(String[] args) throws Exception {
    Map<String, String> o = LineChild.arguments(args);
    PrintStream out = LineChild.stdout();
    try (FanOutServer server = new FanOutServer(Integer.parseInt(o.get("threads")))) {
      out.println("LISTENING " + server.port());
      out.flush();
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] command = line.split(" ");
        if (command[0].equals("BROADCAST")) {
          ObjectNode update = (ObjectNode) JSON.readTree(Base64.getDecoder().decode(command[2]));
          // Stamped before encoding, as the gateway stamps its update before encoding it.
          String now = Instant.now().toString();
          update.put("seq", Long.parseLong(command[1]));
          update.put("sourceCommittedAt", now);
          update.put("sentAt", now);
          server.broadcast(JSON.writeValueAsBytes(update));
        }
      }
    }
  }
}
