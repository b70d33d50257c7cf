package dev.livescoreboard.bench.child;

import dev.livescoreboard.infra.servers.ChildProcess;
import dev.livescoreboard.infra.servers.JavaMainCommand;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One child JVM running a main class of the bench ({@code --role=…}), the lines it printed and its
 * stdin for commands.
 */
public record LineChild(
    String what, ChildProcess process, Writer stdin, BlockingQueue<String> lines) {

  private static final Duration STOP_GRACE = Duration.ofSeconds(15);

  /**
   * Starts {@code mainClass} of this JVM's class path in a new JVM.
   *
   * @param what names the process in errors, e.g. "a WebSocket client process"
   * @param log receives its stderr
   */
  public static LineChild start(
      String what, String mainClass, List<String> jvmOptions, List<String> args, Path log)
      throws IOException {
    return start(what, JavaMainCommand.of(mainClass, jvmOptions, args), log);
  }

  /** Starts {@code command}, a JVM of this class path (see {@link JavaMainCommand}). */
  public static LineChild start(String what, List<String> command, Path log) throws IOException {
    ChildProcess process = ChildProcess.start(what, command, Map.of(), log, true);
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
            "line-child-reader");
    reader.setDaemon(true);
    reader.start();
    return new LineChild(
        what,
        process,
        new OutputStreamWriter(process.process().getOutputStream(), StandardCharsets.UTF_8),
        lines);
  }

  /** The {@code --key=value} arguments a child was started with (others are ignored). */
  public static Map<String, String> arguments(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (String a : args) {
      int eq = a.indexOf('=');
      if (a.startsWith("--") && eq > 0) {
        options.put(a.substring(2, eq), a.substring(eq + 1));
      }
    }
    return options;
  }

  /** A child's stdout for its lines to the parent (UTF-8); flush each one the parent waits for. */
  public static PrintStream stdout() {
    return new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
  }

  /** The next line starting with {@code prefix}, skipping others, each within {@code timeout}. */
  public String await(String prefix, Duration timeout) throws InterruptedException {
    for (String line = next(timeout); ; line = next(timeout)) {
      if (line.startsWith(prefix)) {
        return line;
      }
    }
  }

  /** The next line printed, waiting at most {@code timeout}. */
  public String next(Duration timeout) throws InterruptedException {
    String line = lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (line == null || line.equals("EOF")) {
      throw new IllegalStateException(what + " stopped answering; see " + process.log());
    }
    return line;
  }

  public void send(String command) throws IOException {
    stdin.write(command + "\n");
    stdin.flush();
  }

  public long pid() {
    return process.pid();
  }

  /** Ends the child's stdin (it cleans up and exits), killing it if it lingers. */
  public void close() {
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
