package dev.livescoreboard.command.user;

import dev.livescoreboard.command.problem.ApiException;
import dev.livescoreboard.events.ErrorCode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Users in PostgreSQL: lookup for the write path and bulk provisioning. Thread-safe. */
@Repository
public class Users {

  private final JdbcClient jdbc;
  private final UserSettings settings;

  Users(JdbcClient jdbc, UserSettings settings) {
    this.jdbc = jdbc;
    this.settings = settings;
  }

  public Optional<User> find(String id) {
    return jdbc.sql("SELECT id, display_name, status, public FROM users WHERE id = :id")
        .param("id", id)
        .query(Users::map)
        .optional();
  }

  /**
   * The user allowed to score, registering them first when auto-registration is on. Call inside the
   * scoring transaction (and when starting an action, so start and complete agree).
   *
   * @param nameClaim the access token's {@code name}, used for a new user's display name
   * @throws ApiException {@code USER_NOT_FOUND} (unknown or erased), {@code USER_FROZEN}
   */
  public User requireActive(String id, String nameClaim) {
    User found = require(id, nameClaim);
    if (found.status() == UserStatus.FROZEN) {
      throw new ApiException(ErrorCode.USER_FROZEN, "this user is frozen");
    }
    return found;
  }

  /**
   * The user, frozen or not, registering them first when auto-registration is on.
   *
   * @param nameClaim the access token's {@code name}, used for a new user's display name
   * @throws ApiException {@code USER_NOT_FOUND} (unknown or erased)
   */
  public User require(String id, String nameClaim) {
    Optional<User> user = find(id);
    if (user.isEmpty() && settings.autoRegister()) {
      // ON CONFLICT: a concurrent first request of the same user may register them too.
      jdbc.sql(
              "INSERT INTO users (id, display_name) VALUES (:id, :name) ON CONFLICT (id) DO NOTHING")
          .param("id", id)
          .param("name", DisplayNames.sanitize(nameClaim, id))
          .update();
      user = find(id);
    }
    return user.filter(u -> u.status() != UserStatus.ERASED)
        .orElseThrow(() -> new ApiException(ErrorCode.USER_NOT_FOUND, "unknown user"));
  }

  /**
   * Freezes or unfreezes a user; setting the status they already have changes nothing.
   *
   * @param status {@link UserStatus#ACTIVE} or {@link UserStatus#FROZEN}
   * @return the user afterwards
   * @throws ApiException {@code USER_NOT_FOUND} (unknown or erased)
   */
  public User changeStatus(String id, UserStatus status) {
    if (status == UserStatus.ERASED) {
      throw new IllegalArgumentException("erasing is not a status change");
    }
    jdbc.sql(
            """
            UPDATE users SET status = :status, updated_at = now()
            WHERE id = :id AND status IN ('active', 'frozen') AND status <> :status
            """)
        .param("status", status.dbValue())
        .param("id", id)
        .update();
    return find(id)
        .filter(u -> u.status() != UserStatus.ERASED)
        .orElseThrow(() -> new ApiException(ErrorCode.USER_NOT_FOUND, "unknown user"));
  }

  /**
   * Creates or updates users (display name and public flag; the status is left alone) in one
   * transaction.
   */
  @Transactional
  public ProvisionResult provision(List<NewUser> users) {
    int created = 0;
    for (NewUser user : users) {
      boolean inserted =
          jdbc.sql(
                  """
                  INSERT INTO users (id, display_name, public) VALUES (:id, :name, :public)
                  ON CONFLICT (id) DO UPDATE
                    SET display_name = EXCLUDED.display_name, public = EXCLUDED.public,
                        updated_at = now()
                  RETURNING (xmax = 0) AS inserted
                  """)
              .param("id", user.id())
              .param("name", user.displayName())
              .param("public", user.publicProfile())
              .query(Boolean.class)
              .single();
      if (inserted) {
        created++;
      }
    }
    return new ProvisionResult(created, users.size() - created);
  }

  private static User map(ResultSet rs, int row) throws SQLException {
    return new User(
        rs.getString("id"),
        rs.getString("display_name"),
        UserStatus.fromDb(rs.getString("status")),
        rs.getBoolean("public"));
  }
}
