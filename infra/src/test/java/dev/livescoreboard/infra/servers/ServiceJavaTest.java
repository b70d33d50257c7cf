package dev.livescoreboard.infra.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceJavaTest {

  @TempDir Path jvms;

  private Path jdk(String name, String version) throws IOException {
    Path home = jvms.resolve(name);
    Files.createDirectories(home.resolve("bin"));
    Path java =
        Files.createFile(
            home.resolve("bin").resolve("java"),
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    Files.writeString(
        home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\n");
    return java;
  }

  @Test
  void theNewestJdkOfAtLeast25InTheSystemDirectoryIsPreferred() throws IOException {
    jdk("java-17-openjdk", "17.0.15");
    jdk("temurin-25-jdk", "25.0.3");
    Path newest = jdk("temurin-26-jdk", "26");

    ServiceJava java = ServiceJava.detect(Map.of(), jvms, Optional.of("/own/java"));

    assertThat(java.executable()).isEqualTo(newest);
    assertThat(java.feature()).isEqualTo(26);
    assertThat(java.runtimeOptions())
        .containsExactly(
            "-XX:+UseCompactObjectHeaders",
            "--enable-native-access=ALL-UNNAMED",
            "--sun-misc-unsafe-memory-access=allow");
  }

  @Test
  void withoutAJdk25TheLaunchersOwnJavaRunsTheServicesWithoutExtraOptions() throws IOException {
    jdk("java-21-openjdk", "21.0.2");

    ServiceJava java = ServiceJava.detect(Map.of(), jvms, Optional.of("/own/java"));

    assertThat(java.executable()).isEqualTo(Path.of("/own/java"));
    assertThat(java.feature()).isEqualTo(Runtime.version().feature());
    assertThat(new ServiceJava(Path.of("/own/java"), 17).runtimeOptions()).isEmpty();
  }

  @Test
  void withoutTheSystemDirectoryTheLaunchersOwnJavaRunsTheServices() {
    ServiceJava java =
        ServiceJava.detect(Map.of(), jvms.resolve("absent"), Optional.of("/own/java"));

    assertThat(java.executable()).isEqualTo(Path.of("/own/java"));
    assertThat(java.feature()).isEqualTo(Runtime.version().feature());
  }

  @Test
  void scoreboardJavaHomeWinsEvenWhenOlder() throws IOException {
    jdk("temurin-25-jdk", "25.0.3");
    Path chosen = jdk("java-17-openjdk", "17.0.15");

    ServiceJava java =
        ServiceJava.detect(
            Map.of("SCOREBOARD_JAVA_HOME", jvms.resolve("java-17-openjdk").toString()),
            jvms,
            Optional.of("/own/java"));

    assertThat(java.executable()).isEqualTo(chosen);
    assertThat(java.feature()).isEqualTo(17);
    assertThat(java.runtimeOptions()).isEmpty();
  }

  @Test
  void aScoreboardJavaHomeWithoutAJdkIsRefused() {
    assertThatThrownBy(
            () ->
                ServiceJava.detect(
                    Map.of("SCOREBOARD_JAVA_HOME", jvms.resolve("nothing").toString()),
                    jvms,
                    Optional.empty()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("SCOREBOARD_JAVA_HOME");
  }
}
