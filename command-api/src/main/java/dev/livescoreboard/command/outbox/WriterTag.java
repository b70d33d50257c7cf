package dev.livescoreboard.command.outbox;

import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Names this process on its pooled PostgreSQL connections ({@code application_name}, drawn once per
 * start) so the outbox trigger can put the writer in its NOTIFY payload: the listener then skips
 * notifications of this instance's own commits, whose writer already woke the relay (see {@link
 * Outbox}), and wakes it only for rows other instances committed. Lowest precedence: a configured
 * {@code ApplicationName} wins, and then every notification wakes the relay as before.
 */
class WriterTag implements EnvironmentPostProcessor {

  /** The property holding this process's tag. */
  static final String PROPERTY = "scoreboard.outbox.writer-tag";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication app) {
    byte[] random = new byte[6];
    ThreadLocalRandom.current().nextBytes(random);
    String tag = "scoreboard-command-api-" + HexFormat.of().formatHex(random);
    environment
        .getPropertySources()
        .addLast(
            new MapPropertySource(
                "outboxWriterTag",
                Map.of(
                    PROPERTY,
                    tag,
                    "spring.datasource.hikari.data-source-properties.ApplicationName",
                    tag)));
  }
}
