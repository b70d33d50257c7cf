package dev.livescoreboard.command.action;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.core.io.ClassPathResource;

/**
 * The catalog file: a class path resource (part of the build, never changes) or a filesystem file
 * (may be edited while the service runs). Immutable.
 */
final class ActionCatalogSource {

  private static final String CLASSPATH = "classpath:";
  private static final String FILE = "file:";
  // A catalog is a few kilobytes; the bound keeps a wrong path (a log file, a disk image) harmless.
  private static final int MAX_BYTES = 1024 * 1024;

  private final String location;
  private final Path path;

  private ActionCatalogSource(String location, Path path) {
    this.location = location;
    this.path = path;
  }

  static ActionCatalogSource of(String location) {
    if (location.startsWith(CLASSPATH)) {
      return new ActionCatalogSource(location, null);
    }
    String file = location.startsWith(FILE) ? location.substring(FILE.length()) : location;
    return new ActionCatalogSource(location, Path.of(file));
  }

  /** Whether the content can change while the service runs. */
  boolean reloadable() {
    return path != null;
  }

  /** The content as text (UTF-8). */
  String read() throws IOException {
    byte[] bytes;
    if (path == null) {
      try (InputStream in =
          new ClassPathResource(location.substring(CLASSPATH.length())).getInputStream()) {
        bytes = in.readNBytes(MAX_BYTES + 1);
      }
    } else {
      if (Files.size(path) > MAX_BYTES) {
        throw new IOException("larger than " + MAX_BYTES + " bytes");
      }
      bytes = Files.readAllBytes(path);
    }
    if (bytes.length > MAX_BYTES) {
      throw new IOException("larger than " + MAX_BYTES + " bytes");
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return location;
  }
}
