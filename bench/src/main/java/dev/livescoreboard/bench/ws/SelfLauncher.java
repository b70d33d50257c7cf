package dev.livescoreboard.bench.ws;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;

/**
 * The command that runs the bench's main class again in a new JVM: {@code java -jar bench.jar} when
 * this process was started from the runnable jar, {@code java -cp <class path> <main>} otherwise
 * (tests, IDEs).
 */
final class SelfLauncher {

  private SelfLauncher() {}

  static List<String> command(String mainClass, List<String> jvmOptions, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(jvmOptions);
    String classPath = System.getProperty("java.class.path");
    if (isRunnableJar(classPath)) {
      command.addAll(List.of("-jar", classPath));
    } else {
      command.addAll(List.of("-cp", classPath, mainClass));
    }
    command.addAll(args);
    return command;
  }

  /** A single Spring Boot runnable jar (its classes live under {@code BOOT-INF/}). */
  private static boolean isRunnableJar(String classPath) {
    if (classPath.contains(File.pathSeparator) || !classPath.endsWith(".jar")) {
      return false;
    }
    try (JarFile jar = new JarFile(classPath)) {
      return jar.getEntry("BOOT-INF/") != null || jar.getEntry("BOOT-INF/classes/") != null;
    } catch (IOException e) {
      return false;
    }
  }
}
