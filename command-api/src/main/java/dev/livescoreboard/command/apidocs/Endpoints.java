package dev.livescoreboard.command.apidocs;

import static dev.livescoreboard.events.ErrorCode.ACTION_ALREADY_COMPLETED;
import static dev.livescoreboard.events.ErrorCode.ACTION_TOKEN_EXPIRED;
import static dev.livescoreboard.events.ErrorCode.ACTION_TOKEN_INVALID;
import static dev.livescoreboard.events.ErrorCode.ACTION_TOO_FAST;
import static dev.livescoreboard.events.ErrorCode.BOARD_NOT_FOUND;
import static dev.livescoreboard.events.ErrorCode.FLAG_ALREADY_RESOLVED;
import static dev.livescoreboard.events.ErrorCode.FORBIDDEN;
import static dev.livescoreboard.events.ErrorCode.IDEMPOTENCY_KEY_REUSED;
import static dev.livescoreboard.events.ErrorCode.NOT_FOUND;
import static dev.livescoreboard.events.ErrorCode.QUOTA_EXCEEDED;
import static dev.livescoreboard.events.ErrorCode.SCORE_BELOW_ZERO;
import static dev.livescoreboard.events.ErrorCode.SCORE_CAP_REACHED;
import static dev.livescoreboard.events.ErrorCode.USER_ERASED;
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
      Map.ofEntries(
          doc(
              "POST",
              "/api/v1/actions",
              "Start an action: returns a single-use action token (valid at most 5 minutes)",
              Set.of(BOARD_NOT_FOUND, USER_NOT_FOUND, USER_FROZEN, QUOTA_EXCEEDED)),
          doc(
              "POST",
              "/api/v1/actions/complete",
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
          doc("GET", "/api/v1/users/me", "The caller's profile and scores", Set.of(USER_NOT_FOUND)),
          doc(
              "GET",
              "/api/v1/users/me/history",
              "The caller's score history",
              Set.of(USER_NOT_FOUND, BOARD_NOT_FOUND)),
          doc(
              "POST",
              "/api/v1/admin/users",
              "Provision users in bulk (create or update, one transaction); erased ids refused",
              Set.of(USER_ERASED)),
          doc(
              "PATCH",
              "/api/v1/admin/users/{userId}",
              "Rename a user and/or change their visibility",
              Set.of(USER_NOT_FOUND, USER_ERASED)),
          doc(
              "POST",
              "/api/v1/admin/users/{userId}/freeze",
              "Freeze a user",
              Set.of(USER_NOT_FOUND, USER_ERASED)),
          doc(
              "POST",
              "/api/v1/admin/users/{userId}/unfreeze",
              "Unfreeze a user",
              Set.of(USER_NOT_FOUND, USER_ERASED)),
          doc(
              "POST",
              "/api/v1/admin/users/{userId}/erase",
              "Erase a user (GDPR)",
              Set.of(USER_NOT_FOUND, USER_ERASED)),
          doc(
              "PUT",
              "/api/v1/admin/boards/{id}",
              "Create (201) or change (200) a board; the read model follows through BOARD_DEFINED",
              Set.of()),
          doc(
              "POST",
              "/api/v1/admin/boards/{id}/reset",
              "Force a new season of a board now (id with -r2, -r3, ...); the old one stays"
                  + " readable",
              Set.of(BOARD_NOT_FOUND)),
          doc(
              "POST",
              "/api/v1/admin/tokens/revoke",
              "Revoke an access token by its jti: refused with 401 until it would have expired",
              Set.of()),
          doc("GET", "/api/v1/admin/flags", "Anomaly flags, newest first", Set.of()),
          doc(
              "POST",
              "/api/v1/admin/flags/{id}/resolve",
              "Resolve an anomaly flag",
              Set.of(NOT_FOUND, FLAG_ALREADY_RESOLVED)),
          doc(
              "POST",
              "/api/v1/admin/users/{userId}/adjustments",
              "Adjust a user's score on a board's current season, with a reason",
              Set.of(
                  USER_NOT_FOUND,
                  BOARD_NOT_FOUND,
                  USER_FROZEN,
                  SCORE_BELOW_ZERO,
                  SCORE_CAP_REACHED,
                  IDEMPOTENCY_KEY_REUSED)),
          doc(
              "GET",
              "/api/v1/admin/users/{userId}/history",
              "Any user's score history",
              Set.of(USER_NOT_FOUND, BOARD_NOT_FOUND)),
          doc(
              "GET",
              "/api/v1/admin/boards/{id}/as-of",
              "A board as it stood at an instant",
              Set.of(BOARD_NOT_FOUND)));

  private static Map.Entry<String, Doc> doc(
      String method, String path, String summary, Set<ErrorCode> errors) {
    return Map.entry(key(method, path), new Doc(summary, errors));
  }

  private Endpoints() {}

  static Optional<Doc> find(String method, String path) {
    return Optional.ofNullable(DOCS.get(key(method, path)));
  }

  private static String key(String method, String path) {
    return method + " " + path;
  }
}
