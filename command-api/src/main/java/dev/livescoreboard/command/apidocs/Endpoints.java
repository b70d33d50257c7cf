package dev.livescoreboard.command.apidocs;

import static dev.livescoreboard.events.ErrorCode.ACTION_ALREADY_COMPLETED;
import static dev.livescoreboard.events.ErrorCode.ACTION_TOKEN_EXPIRED;
import static dev.livescoreboard.events.ErrorCode.ACTION_TOKEN_INVALID;
import static dev.livescoreboard.events.ErrorCode.ACTION_TOO_FAST;
import static dev.livescoreboard.events.ErrorCode.BOARD_NOT_FOUND;
import static dev.livescoreboard.events.ErrorCode.FORBIDDEN;
import static dev.livescoreboard.events.ErrorCode.IDEMPOTENCY_KEY_REUSED;
import static dev.livescoreboard.events.ErrorCode.QUOTA_EXCEEDED;
import static dev.livescoreboard.events.ErrorCode.SCORE_CAP_REACHED;
import static dev.livescoreboard.events.ErrorCode.USER_FROZEN;
import static dev.livescoreboard.events.ErrorCode.USER_NOT_FOUND;

import dev.livescoreboard.events.ErrorCode;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What springdoc cannot see in the code: a one-line summary of each endpoint and the problem codes
 * its handler raises (codes that follow from the endpoint's shape — 401, admin 403, bad body — are
 * added by {@link ProblemResponses} for every endpoint). A new endpoint needs an entry here (or an
 * {@code @Operation(summary)} on its handler); {@code OpenApiDocumentIT} fails until it has one.
 */
final class Endpoints {

  /**
   * The documentation of one endpoint.
   *
   * @param summary one line, shown in Swagger UI
   * @param errors the codes specific to this endpoint
   */
  record Doc(String summary, Set<ErrorCode> errors) {}

  private static final Map<String, Doc> DOCS =
      Map.of(
          key("POST", "/api/v1/actions"),
          new Doc(
              "Start an action: returns a single-use action token (valid at most 5 minutes)",
              Set.of(BOARD_NOT_FOUND, USER_NOT_FOUND, USER_FROZEN, QUOTA_EXCEEDED)),
          key("POST", "/api/v1/actions/complete"),
          new Doc(
              "Complete a started action: adds its points to the caller's score, once",
              Set.of(
                  FORBIDDEN,
                  ACTION_TOKEN_INVALID,
                  ACTION_TOKEN_EXPIRED,
                  ACTION_TOO_FAST,
                  USER_FROZEN,
                  USER_NOT_FOUND,
                  BOARD_NOT_FOUND,
                  ACTION_ALREADY_COMPLETED,
                  SCORE_CAP_REACHED,
                  IDEMPOTENCY_KEY_REUSED,
                  QUOTA_EXCEEDED)),
          key("GET", "/api/v1/users/me"),
          new Doc("The caller's profile and scores", Set.of(USER_NOT_FOUND)),
          key("GET", "/api/v1/users/me/history"),
          new Doc("The caller's score history", Set.of(USER_NOT_FOUND, BOARD_NOT_FOUND)),
          key("POST", "/api/v1/admin/users"),
          new Doc("Provision users in bulk (create or update, one transaction)", Set.of()),
          key("POST", "/api/v1/admin/users/{userId}/freeze"),
          new Doc("Freeze a user", Set.of(USER_NOT_FOUND)),
          key("POST", "/api/v1/admin/users/{userId}/unfreeze"),
          new Doc("Unfreeze a user", Set.of(USER_NOT_FOUND)),
          key("PUT", "/api/v1/admin/boards/{id}"),
          new Doc(
              "Create (201) or change (200) a board; the read model follows through BOARD_DEFINED",
              Set.of()),
          key("POST", "/api/v1/admin/boards/{id}/reset"),
          new Doc(
              "Force a new season of a board now (id with -r2, -r3, ...); the old one stays"
                  + " readable",
              Set.of(BOARD_NOT_FOUND)),
          key("POST", "/api/v1/admin/tokens/revoke"),
          new Doc(
              "Revoke an access token by its jti: refused with 401 until it would have expired",
              Set.of()));

  private Endpoints() {}

  static Optional<Doc> find(String method, String path) {
    return Optional.ofNullable(DOCS.get(key(method, path)));
  }

  private static String key(String method, String path) {
    return method + " " + path;
  }
}
