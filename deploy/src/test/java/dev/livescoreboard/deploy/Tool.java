package dev.livescoreboard.deploy;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An external checker (docker-compose, promtool) run as a process. Missing from the PATH, the test
 * is skipped with a message saying what to install; .ci/run installs both, so CI never skips.
 */
final class Tool {

  /** What one run printed and how it ended. */
  record Result(int exitCode, String output) {}

  private final String name;
  private final String debianPackage;

  Tool(String name, String debianPackage) {
    this.name = name;
    this.debianPackage = debianPackage;
  }

  /** Skips the calling test (visibly) when the tool is not installed. */
  Tool required() {
    boolean found =
        List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)).stream()
            .anyMatch(dir -> Files.isExecutable(Path.of(dir, name)));
    if (!found) {
      String message = name + " is not installed, check skipped: apt-get install " + debianPackage;
      System.err.println("[deploy] " + message);
      assumeTrue(false, message);
    }
    return this;
  }

  Result run(Path workDir, Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(name);
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
    builder.redirectErrorStream(true);
    // Only what the test passes: no values from the developer's shell leak into the check.
    Map<String, String> environment = builder.environment();
    environment.keySet().removeIf(k -> !k.equals("PATH") && !k.equals("HOME"));
    environment.putAll(env);
    Process process = builder.start();
    byte[] out = process.getInputStream().readAllBytes();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException(name + " did not finish within 60 s");
    }
    return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
  }
}
