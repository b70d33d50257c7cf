package dev.livescoreboard.command.action;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads the action catalog at startup (a bad one stops the service) and wires its reloader. */
@Configuration
class ActionCatalogConfig {

  @Bean
  ActionCatalogSource actionCatalogSource(ActionCatalogSettings settings) {
    return ActionCatalogSource.of(settings.file());
  }

  @Bean
  ActionCatalog actionCatalog(ActionCatalogSource source) {
    String text;
    try {
      text = source.read();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the action catalog " + source + ": " + e, e);
    }
    try {
      return new ActionCatalog(text, CatalogYaml.parse(text));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "invalid action catalog " + source + ": " + e.getMessage(), e);
    }
  }

  @Bean
  ActionCatalogReloader actionCatalogReloader(
      ActionCatalog catalog, ActionCatalogSource source, MeterRegistry meters) {
    return new ActionCatalogReloader(catalog, source, meters);
  }
}
