package dev.livescoreboard.bench.ws;

import dev.livescoreboard.infra.servers.ChildProcess;
import dev.livescoreboard.infra.servers.JavaMainCommand;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** One client process of the fleet ({@code --role=ws-client}) and the lines it printed. */
record ClientProcess(ChildProcess process, Writer stdin, BlockingQueue<String> lines) {

  private static final Duration STOP_GRACE = Duration.ofSeconds(15);

  static ClientProcess start(
      URI wsUri, int clients, int slowClients, String source, Path log, String mainClass)
      throws IOException {
    List<String> command =
        JavaMainCommand.of(
            mainClass,
            List.of("-Xmx384m", "-Xss256k", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError"),
            List.of(
                "--role=ws-client",
                "--uri=" + wsUri,
                "--clients=" + clients,
                "--slow=" + slowClients,
                "--source=" + source,
                "--threads=2"));
    ChildProcess process =
        ChildProcess.start("a WebSocket client process", command, Map.of(), log, true);
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(
                          process.process().getInputStream(), StandardCharsets.UTF_8))) {
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
    return new ClientProcess(
        process,
        new OutputStreamWriter(process.process().getOutputStream(), StandardCharsets.UTF_8),
        lines);
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

  /** Ends the child's stdin (it closes its clients and exits), killing it if it lingers. */
  void close() {
    process.stop(this::endStdin, STOP_GRACE);
  }

  private void endStdin() {
    try {
      stdin.close();
    } catch (IOException e) {
      // Already gone: the wait for it returns at once.
    }
  }
}
