package dev.livescoreboard.testsupport;

import java.util.UUID;

/** Names no other test or run has used: databases, key prefixes, topics, consumer groups. */
public final class UniqueNames {

  private UniqueNames() {}

  /** {@code base} plus a random suffix of lower-case letters and digits. */
  public static String of(String base) {
    return base + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }
}
