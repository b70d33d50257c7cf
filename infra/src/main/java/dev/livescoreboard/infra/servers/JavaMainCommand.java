package dev.livescoreboard.infra.servers;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;

/**
 * The command line that runs a main class of this JVM's class path in a new JVM with the same Java.
 * From a Spring Boot runnable jar (e.g. {@code java -jar bench.jar}) the classes live under {@code
 * BOOT-INF/}, so the jar's own {@code PropertiesLauncher} starts the class named by {@code
 * loader.main}; from a plain class path (tests, IDEs) it is {@code java -cp … main}.
 */
public final class JavaMainCommand {

  static final String BOOT_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

  private JavaMainCommand() {}

  /**
   * The command running {@code mainClass} with {@code args} in a new JVM with {@code jvmOptions}.
   */
  public static List<String> of(String mainClass, List<String> jvmOptions, List<String> args) {
    return of(
        ProcessHandle.current().info().command().orElse("java"),
        System.getProperty("java.class.path"),
        mainClass,
        jvmOptions,
        args);
  }

  /**
   * The same on {@code java} (e.g. the stack's server Java), its runtime options before {@code
   * jvmOptions}: for a child that stands beside the services and should run as they do.
   */
  public static List<String> on(
      ServiceJava java, String mainClass, List<String> jvmOptions, List<String> args) {
    List<String> options = new ArrayList<>(java.runtimeOptions());
    options.addAll(jvmOptions);
    return of(
        java.executable().toString(),
        System.getProperty("java.class.path"),
        mainClass,
        options,
        args);
  }

  static List<String> of(
      String java, String classPath, String mainClass, List<String> jvmOptions, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(jvmOptions);
    if (isBootJar(classPath)) {
      command.addAll(List.of("-Dloader.main=" + mainClass, "-cp", classPath, BOOT_LAUNCHER));
    } else {
      command.addAll(List.of("-cp", classPath, mainClass));
    }
    command.addAll(args);
    return command;
  }

  /** A single Spring Boot runnable jar (its classes live under {@code BOOT-INF/}). */
  static boolean isBootJar(String classPath) {
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
