package dev.livescoreboard.command.action;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Re-reads a filesystem catalog every {@code scoreboard.actions.reload-interval} and swaps it in
 * when its content changed and is valid. An invalid or unreadable file is logged once (per distinct
 * content) and the running catalog stays. Content is compared rather than the modification time, so
 * edits within the file system's timestamp granularity are not missed. Runs on the scheduler thread
 * only.
 */
class ActionCatalogReloader {

  private static final Logger log = LoggerFactory.getLogger(ActionCatalogReloader.class);

  private final ActionCatalog catalog;
  private final ActionCatalogSource source;
  private final Counter applied;
  private final Counter rejected;
  private String lastRejected;

  ActionCatalogReloader(ActionCatalog catalog, ActionCatalogSource source, MeterRegistry meters) {
    this.catalog = catalog;
    this.source = source;
    this.applied = reloads(meters, "applied");
    this.rejected = reloads(meters, "rejected");
  }

  private static Counter reloads(MeterRegistry meters, String result) {
    return Counter.builder("scoreboard.actions.catalog.reloads")
        .description("Changed action catalog files, applied or rejected")
        .tag("result", result)
        .register(meters);
  }

  @Scheduled(
      fixedDelayString = "${scoreboard.actions.reload-interval}",
      initialDelayString = "${scoreboard.actions.reload-interval}")
  void reloadIfChanged() {
    if (!source.reloadable()) {
      return;
    }
    String text;
    try {
      text = source.read();
    } catch (IOException e) {
      reject("<unreadable>", "cannot read it: " + e);
      return;
    }
    if (text.equals(catalog.text()) || text.equals(lastRejected)) {
      return;
    }
    try {
      CatalogSnapshot snapshot = CatalogYaml.parse(text);
      catalog.replace(text, snapshot);
      lastRejected = null;
      applied.increment();
      log.info(
          "action catalog reloaded from {}: {} actions {}",
          source,
          snapshot.actions().size(),
          snapshot.actions().stream().map(ActionDefinition::type).toList());
    } catch (IllegalArgumentException e) {
      reject(text, e.getMessage());
    }
  }

  private void reject(String text, String why) {
    if (!text.equals(lastRejected)) {
      lastRejected = text;
      rejected.increment();
      log.error("action catalog {} rejected, keeping the running catalog: {}", source, why);
    }
  }
}
