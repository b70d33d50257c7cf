package dev.livescoreboard.command.action;

import dev.livescoreboard.command.problem.ApiException;
import dev.livescoreboard.events.ErrorCode;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The actions users can complete and what each is worth: holds the current version of the catalog
 * file ({@code scoreboard.actions.file}), which {@link ActionCatalogReloader} may swap while the
 * service runs. Thread-safe: every read sees one whole, validated version; a request that reads an
 * action twice may see two versions, so callers read it once and pass the definition on.
 */
public class ActionCatalog {

  private record Version(String text, CatalogSnapshot snapshot) {}

  private final AtomicReference<Version> current;

  ActionCatalog(String text, CatalogSnapshot snapshot) {
    this.current = new AtomicReference<>(new Version(text, snapshot));
  }

  /** For tests and tools: a fixed catalog of {@code actions}. */
  public static ActionCatalog of(List<ActionDefinition> actions) {
    return new ActionCatalog("", new CatalogSnapshot(actions));
  }

  public Optional<ActionDefinition> find(String type) {
    return current.get().snapshot().find(type);
  }

  /** All actions of the current version. */
  public List<ActionDefinition> actions() {
    return current.get().snapshot().actions();
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

  String text() {
    return current.get().text();
  }

  void replace(String text, CatalogSnapshot snapshot) {
    current.set(new Version(text, snapshot));
  }
}
