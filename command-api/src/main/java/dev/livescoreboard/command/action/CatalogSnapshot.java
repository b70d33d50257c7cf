package dev.livescoreboard.command.action;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One immutable, validated version of the action catalog.
 *
 * @param actions the actions, each type once, at least one
 */
record CatalogSnapshot(List<ActionDefinition> actions) {

  CatalogSnapshot {
    if (actions == null || actions.isEmpty()) {
      throw new IllegalArgumentException("the action catalog must list at least one action");
    }
    Map<String, ActionDefinition> seen = new LinkedHashMap<>();
    for (ActionDefinition action : actions) {
      if (action == null) {
        throw new IllegalArgumentException("the action catalog has an empty entry");
      }
      if (seen.put(action.type(), action) != null) {
        throw new IllegalArgumentException("action type " + action.type() + " is listed twice");
      }
    }
    actions = List.copyOf(actions);
  }

  Optional<ActionDefinition> find(String type) {
    return actions.stream().filter(a -> a.type().equals(type)).findFirst();
  }
}
