package dev.livescoreboard.infra.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;

class JavaMainCommandTest {

  @Test
  void plainClassPathRunsTheMainClassDirectly() {
    List<String> command =
        JavaMainCommand.of(
            "/jdk/bin/java", "a.jar:classes", "x.Main", List.of("-Xmx64m"), List.of("--a=1"));

    assertThat(command)
        .containsExactly("/jdk/bin/java", "-Xmx64m", "-cp", "a.jar:classes", "x.Main", "--a=1");
  }

  @Test
  void springBootJarRunsTheMainClassThroughItsPropertiesLauncher() throws IOException {
    Path jar = Files.createTempFile("boot-", ".jar");
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file)) {
      out.putNextEntry(new JarEntry("BOOT-INF/"));
      out.closeEntry();
    }

    List<String> command =
        JavaMainCommand.of("java", jar.toString(), "x.Main", List.of(), List.of("--a=1"));

    assertThat(command)
        .containsExactly(
            "java",
            "-Dloader.main=x.Main",
            "-cp",
            jar.toString(),
            JavaMainCommand.BOOT_LAUNCHER,
            "--a=1");
    Files.delete(jar);
  }

  @Test
  void aPlainSingleJarIsNotTakenForABootJar() throws IOException {
    Path jar = Files.createTempFile("plain-", ".jar");
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file)) {
      out.putNextEntry(new JarEntry("x/Main.class"));
      out.closeEntry();
    }

    assertThat(JavaMainCommand.isBootJar(jar.toString())).isFalse();
    Files.delete(jar);
  }
}
