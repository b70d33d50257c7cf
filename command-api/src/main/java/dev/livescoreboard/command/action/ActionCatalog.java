package dev.livescoreboard.command.action;

import dev.livescoreboard.command.problem.ApiException;
import dev.livescoreboard.command.problem.ErrorCode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The actions users can complete and what each is worth ({@code scoreboard.actions.catalog}).
 * Validated when bound, so a bad catalog stops the service at startup.
 */
@ConfigurationProperties("scoreboard.actions")
public record ActionCatalog(List<ActionDefinition> catalog) {

  public ActionCatalog {
    if (catalog == null || catalog.isEmpty()) {
      throw new IllegalArgumentException("scoreboard.actions.catalog must list at least one action");
    }
    catalog = List.copyOf(catalog);
    Map<String, ActionDefinition> seen = new LinkedHashMap<>();
    for (ActionDefinition action : catalog) {
      if (seen.put(action.type(), action) != null) {
        throw new IllegalArgumentException("action type " + action.type() + " is listed twice");
      }
    }
  }

  public Optional<ActionDefinition> find(String type) {
    return catalog.stream().filter(a -> a.type().equals(type)).findFirst();
  }

  /**
   * The action {@code type}.
   *
   * @throws ApiException {@code VALIDATION_FAILED} for an unknown type
   */
  public ActionDefinition require(String type) {
    return find(type)
        .orElseThrow(
            () ->
                new ApiException(
                    ErrorCode.VALIDATION_FAILED, "actionType: unknown action type " + type));
  }
}
