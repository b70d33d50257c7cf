package dev.livescoreboard.infra.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Java the stack runs its server JVMs on (the three services and the Kafka broker), and the
 * runtime options that pay on it. Chosen in this order:
 *
 * <ol>
 *   <li>{@code SCOREBOARD_JAVA_HOME}, when set (it must hold {@code bin/java});
 *   <li>the newest JDK of at least {@link #PREFERRED_FEATURE} in {@link #SYSTEM_JVMS}, the
 *       directory Debian, Ubuntu and the Adoptium packages install into;
 *   <li>the Java running the launcher (a JDK 17 or newer).
 * </ol>
 *
 * <p>The code is compiled for Java 17 and runs unchanged on either. On 25 or newer every JVM also
 * gets compact object headers ({@code -XX:+UseCompactObjectHeaders}, a product flag since 25: 8
 * instead of 12 bytes per object header, so less heap and fewer cache misses for the same work),
 * and native access and {@code sun.misc.Unsafe} allowed without a warning on stderr.
 *
 * @param executable the {@code java} launcher
 * @param feature its feature release (17, 25, …)
 */
public record ServiceJava(Path executable, int feature) {

  /** From this feature release on, the stack prefers a JDK over the launcher's own Java. */
  public static final int PREFERRED_FEATURE = 25;

  /** Where system packages install JDKs. */
  static final Path SYSTEM_JVMS = Path.of("/usr/lib/jvm");

  static final String ENV = "SCOREBOARD_JAVA_HOME";

  private static final Pattern JAVA_VERSION =
      Pattern.compile("^JAVA_VERSION=\"(\\d+)(?:[.\"]|$)", Pattern.MULTILINE);

  /** The Java for this machine and environment (see the class comment). */
  public static ServiceJava detect() {
    return detect(System.getenv(), SYSTEM_JVMS, ProcessHandle.current().info().command());
  }

  static ServiceJava detect(Map<String, String> env, Path systemJvms, Optional<String> own) {
    String home = env.get(ENV);
    if (home != null && !home.isBlank()) {
      return ofHome(Path.of(home))
          .orElseThrow(
              () -> new IllegalStateException(ENV + "=" + home + " holds no bin/java and release"));
    }
    return newestIn(systemJvms)
        .filter(java -> java.feature() >= PREFERRED_FEATURE)
        .orElseGet(() -> new ServiceJava(Path.of(own.orElse("java")), Runtime.version().feature()));
  }

  /** Options every server JVM gets on this Java, before its own (heap, GC). */
  public List<String> runtimeOptions() {
    List<String> options = new ArrayList<>();
    if (feature >= 25) {
      options.add("-XX:+UseCompactObjectHeaders");
      // Netty's and Kafka's native and Unsafe calls are intended: without these, 25 prints
      // warnings to stderr, the services' log files, which are otherwise JSON lines only.
      options.add("--enable-native-access=ALL-UNNAMED");
      options.add("--sun-misc-unsafe-memory-access=allow");
    }
    return options;
  }

  /** The JDK installed at {@code home}: its {@code bin/java} and the release file's version. */
  static Optional<ServiceJava> ofHome(Path home) {
    Path java = home.resolve("bin").resolve("java");
    Path release = home.resolve("release");
    if (!Files.isExecutable(java) || !Files.isRegularFile(release)) {
      return Optional.empty();
    }
    try {
      Matcher version = JAVA_VERSION.matcher(Files.readString(release));
      return version.find()
          ? Optional.of(new ServiceJava(java, Integer.parseInt(version.group(1))))
          : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + release, e);
    }
  }

  private static Optional<ServiceJava> newestIn(Path dir) {
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    try (Stream<Path> homes = Files.list(dir)) {
      return homes
          .map(ServiceJava::ofHome)
          .flatMap(Optional::stream)
          .max(Comparator.comparingInt(ServiceJava::feature));
    } catch (IOException e) {
      throw new UncheckedIOException("could not list " + dir, e);
    }
  }
}
