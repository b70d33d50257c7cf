package dev.livescoreboard.projector.rebuild;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How boards are rebuilt from PostgreSQL.
 *
 * @param autoDetect whether to check periodically (and at startup) for boards Redis lost
 * @param checkInterval pause between two checks for lost boards
 * @param fetchSize rows per round trip of the server-side cursor; bounds the memory a rebuild uses
 * @param writeBatchSize users per pipelined write of the rebuilt keys (one ZADD and three HSETs
 *     with this many members each)
 * @param markerTtl how long a rebuild may go without progress before its marker and rebuilt keys
 *     expire, so a crashed rebuild neither blocks the next one nor leaks memory
 */
@ConfigurationProperties("scoreboard.rebuild")
record RebuildSettings(
    boolean autoDetect,
    Duration checkInterval,
    int fetchSize,
    int writeBatchSize,
    Duration markerTtl) {

  RebuildSettings {
    if (checkInterval == null || checkInterval.isNegative() || checkInterval.isZero()) {
      throw new IllegalArgumentException("scoreboard.rebuild.check-interval must be > 0");
    }
    if (fetchSize < 1 || writeBatchSize < 1) {
      throw new IllegalArgumentException("scoreboard.rebuild fetch/write sizes must be >= 1");
    }
    if (markerTtl == null || markerTtl.toMillis() < 1000) {
      throw new IllegalArgumentException("scoreboard.rebuild.marker-ttl must be >= 1s");
    }
  }
}
