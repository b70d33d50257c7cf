package dev.livescoreboard.command.system;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code scoreboard.jobs.*}: bounds of background jobs, which may run longer than a request.
 *
 * @param statementTimeout the longest one statement of a {@link LongTransactions} transaction may
 *     run (PostgreSQL cancels it), and about how long a hung PostgreSQL holds the job
 */
@ConfigurationProperties("scoreboard.jobs")
public record JobSettings(Duration statementTimeout) {

  public JobSettings {
    if (statementTimeout == null || statementTimeout.isNegative() || statementTimeout.isZero()) {
      throw new IllegalArgumentException("scoreboard.jobs.statement-timeout must be positive");
    }
  }
}
