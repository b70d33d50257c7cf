package dev.livescoreboard.command.action;

import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads the catalog file format: a top-level {@code actions:} list whose entries have the keys
 * {@code type, points, max-per-hour, max-per-day, once-per-day, min-seconds, boards}. Unknown keys
 * are refused, so a typo such as {@code max-per-hours} cannot silently drop a limit. Stateless.
 */
final class CatalogYaml {

  private static final YAMLMapper YAML =
      YAMLMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          // An absent once-per-day or min-seconds means false or 0; absent points fail validation.
          .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();

  private CatalogYaml() {}

  /** The file's root. */
  record Document(List<ActionDefinition> actions) {}

  /**
   * Parses and validates {@code yaml}.
   *
   * @throws IllegalArgumentException with a message fit for an operator's log
   */
  static CatalogSnapshot parse(String yaml) {
    Document document;
    try {
      document = YAML.readValue(yaml, Document.class);
    } catch (ValueInstantiationException e) {
      // A constructor check failed: its message says what is wrong with which action.
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new IllegalArgumentException(cause.getMessage(), e);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("not a valid catalog: " + e.getOriginalMessage(), e);
    }
    if (document == null) {
      throw new IllegalArgumentException("the catalog file is empty");
    }
    return new CatalogSnapshot(document.actions());
  }
}
