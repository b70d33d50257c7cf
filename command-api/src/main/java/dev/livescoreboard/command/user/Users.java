package dev.livescoreboard.command.user;

import dev.livescoreboard.command.problem.ApiException;
import dev.livescoreboard.events.ErrorCode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Users in PostgreSQL: lookup and locking for the write path, and the row changes of operators.
 * Thread-safe.
 */
@Repository
public class Users {

  private final JdbcClient jdbc;
  private final UserSettings settings;

  Users(JdbcClient jdbc, UserSettings settings) {
    this.jdbc = jdbc;
    this.settings = settings;
  }

  private static final String SELECT = "SELECT id, display_name, status, public FROM users";

  public Optional<User> find(String id) {
    return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(Users::map).optional();
  }

  /**
   * The user, their row locked until the transaction ends ({@code FOR UPDATE}), for an operator's
   * change: it waits for the completes of the user in flight and makes later ones wait for it (see
   * {@link #lockActive}).
   */
  public Optional<User> lockForChange(String id) {
    return jdbc.sql(SELECT + " WHERE id = :id FOR UPDATE")
        .param("id", id)
        .query(Users::map)
        .optional();
  }

  /**
   * The user allowed to score, registering them first when auto-registration is on. Call when
   * starting an action (no lock: start writes nothing).
   *
   * @param nameClaim the access token's {@code name}, used for a new user's display name
   * @throws ApiException {@code USER_NOT_FOUND} (unknown or erased), {@code USER_FROZEN}
   */
  public User requireActive(String id, String nameClaim) {
    return active(require(id, nameClaim));
  }

  /**
   * {@link #requireActive}, with the user's row share-locked ({@code FOR KEY SHARE}) until the
   * scoring transaction ends. Call first in that transaction, before any score row lock: an
   * operator's change locks the row {@code FOR UPDATE} first too, so it either waits for this
   * complete or this complete waits and then sees the new status; a score change can therefore
   * never slip in after a freeze or erase has bumped the entries. Completes of one user do not
   * block each other (key-share locks are shared), and the score event's foreign key takes the same
   * lock anyway.
   */
  public User lockActive(String id, String nameClaim) {
    Optional<User> locked = keyShare(id);
    if (locked.isEmpty()) {
      require(id, nameClaim);
      locked = keyShare(id);
    }
    return active(known(locked));
  }

  private Optional<User> keyShare(String id) {
    return jdbc.sql(SELECT + " WHERE id = :id FOR KEY SHARE")
        .param("id", id)
        .query(Users::map)
        .optional();
  }

  private static User active(User user) {
    if (user.status() == UserStatus.FROZEN) {
      throw new ApiException(ErrorCode.USER_FROZEN, "this user is frozen");
    }
    return user;
  }

  /**
   * The user, frozen or not, registering them first when auto-registration is on. An erased id is
   * never registered again: its row stays, so the insert does nothing.
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
    return known(user);
  }

  private static User known(Optional<User> user) {
    // Erased users are unknown to the player API: the account is gone, not suspended.
    return user.filter(u -> u.status() != UserStatus.ERASED)
        .orElseThrow(() -> new ApiException(ErrorCode.USER_NOT_FOUND, "unknown user"));
  }

  /** Sets a locked user's status ({@link UserStatus#ACTIVE} or {@link UserStatus#FROZEN}). */
  public User setStatus(User user, UserStatus status) {
    if (status == UserStatus.ERASED) {
      throw new IllegalArgumentException("erasing is not a status change, see erase");
    }
    jdbc.sql("UPDATE users SET status = :status, updated_at = now() WHERE id = :id")
        .param("status", status.dbValue())
        .param("id", user.id())
        .update();
    return new User(user.id(), user.displayName(), status, user.publicProfile());
  }

  /** Sets a locked user's display name (valid by {@link DisplayNames}) and public flag. */
  public User setProfile(User user, String displayName, boolean publicProfile) {
    jdbc.sql(
            "UPDATE users SET display_name = :name, public = :public, updated_at = now()"
                + " WHERE id = :id")
        .param("name", displayName)
        .param("public", publicProfile)
        .param("id", user.id())
        .update();
    return new User(user.id(), displayName, user.status(), publicProfile);
  }

  /**
   * Erases a locked user's row: status {@code erased}, the name replaced by {@link
   * User#ERASED_NAME}, not public. The row itself stays, so the id is never registered or
   * provisioned again and the events that keep it stay valid.
   */
  public User erase(User user) {
    jdbc.sql(
            "UPDATE users SET status = 'erased', display_name = :name, public = false,"
                + " updated_at = now() WHERE id = :id")
        .param("name", User.ERASED_NAME)
        .param("id", user.id())
        .update();
    return new User(user.id(), User.ERASED_NAME, UserStatus.ERASED, false);
  }

  /**
   * Creates a user (status active) unless the id exists.
   *
   * @return whether the user was created
   */
  public boolean create(NewUser user) {
    return jdbc.sql(
                """
                INSERT INTO users (id, display_name, public) VALUES (:id, :name, :public)
                ON CONFLICT (id) DO NOTHING
                """)
            .param("id", user.id())
            .param("name", user.displayName())
            .param("public", user.publicProfile())
            .update()
        == 1;
  }

  private static User map(ResultSet rs, int row) throws SQLException {
    return new User(
        rs.getString("id"),
        rs.getString("display_name"),
        UserStatus.fromDb(rs.getString("status")),
        rs.getBoolean("public"));
  }
}
