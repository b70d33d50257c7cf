package dev.livescoreboard.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/**
 * Where embedded servers keep their files: under {@code java.io.tmpdir}, which the build points at
 * the module's {@code target/tmp}, one folder per test JVM, deleted when it exits.
 */
final class TestDirectories {

  private TestDirectories() {}

  static Path newRunDirectory(String kind) {
    Path dir =
        Path.of(System.getProperty("java.io.tmpdir"))
            .resolve("scoreboard-" + kind + "-" + ProcessHandle.current().pid());
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dir;
  }

  static Path shared(String name) {
    return Path.of(System.getProperty("java.io.tmpdir")).resolve(name);
  }

  /** Stops {@code server}, then deletes its run folder, when the test JVM exits. */
  static void stopAtExit(AutoCloseable server, Path run) {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    server.close();
                  } catch (Exception e) {
                    // The JVM is exiting; the process dies with it anyway.
                  }
                  deleteQuietly(run);
                }));
  }

  private static void deleteQuietly(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // Best effort: the folder is under target/ and goes with the next clean build anyway.
    }
  }
}
