package dev.livescoreboard.command.user;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.livescoreboard.command.problem.ApiException;
import dev.livescoreboard.events.ErrorCode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Users in PostgreSQL: lookup and locking for the write path, and the row changes of operators.
 * Thread-safe.
 */
@Repository
public class Users {

  // Bounds the starts' cache: far more players than act within its TTL on one instance.
  private static final int ACTIVE_CACHE_SIZE = 100_000;

  private final JdbcClient jdbc;
  private final UserSettings settings;
  // Users a start found active, so that a player's next starts skip PostgreSQL (see settings).
  private final Cache<String, User> active;
  // Users dropped from it once their change ended, so far (see requireActive).
  private final AtomicLong forgotten = new AtomicLong();

  Users(JdbcClient jdbc, UserSettings settings) {
    this.jdbc = jdbc;
    this.settings = settings;
    this.active =
        Caffeine.newBuilder()
            .maximumSize(ACTIVE_CACHE_SIZE)
            .expireAfterWrite(settings.startCacheTtl())
            .executor(Runnable::run)
            .build();
  }

  private static final String SELECT = "SELECT id, display_name, status, public FROM users";

  public Optional<User> find(String id) {
    return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(Users::map).optional();
  }

  /**
   * The user, their row locked until the transaction ends ({@code FOR UPDATE}), for an operator's
   * change: it waits for the completes of the user in flight and makes later ones wait for it (see
   * {@link #LOCK_FOR_SCORE_CHANGE}).
   */
  public Optional<User> lockForChange(String id) {
    return jdbc.sql(SELECT + " WHERE id = :id FOR UPDATE")
        .param("id", id)
        .query(Users::map)
        .optional();
  }

  /**
   * The user allowed to score, registering them first when auto-registration is on. Call when
   * starting an action (no lock: start writes nothing). A user found active is trusted for {@code
   * scoreboard.users.start-cache-ttl} without asking again.
   *
   * @param nameClaim the access token's {@code name}, used for a new user's display name
   * @throws ApiException {@code USER_NOT_FOUND} (unknown or erased), {@code USER_FROZEN}
   */
  public User requireActive(String id, String nameClaim) {
    User known = active.getIfPresent(id);
    if (known != null) {
      return known;
    }
    long forgottenBefore = forgotten.get();
    User user = active(require(id, nameClaim));
    active.put(id, user);
    // A freeze or erase that ended since the read may have dropped the user before this put: drop
    // it again (put first, then check, so a drop either follows the put or shows in the count).
    // Not loaded inside the cache, since concurrent loads of one id would queue behind a hung
    // PostgreSQL.
    if (forgotten.get() != forgottenBefore) {
      active.invalidate(id);
    }
    return user;
  }

  /**
   * The statement that locks the user's row for a score change ({@code FOR NO KEY UPDATE}) and
   * reads it (map the row with {@link #read}); its one parameter is {@code :user}. A complete runs
   * it first in its transaction, before it reads anything else: every writer of a user's scores
   * locks the user's row first (an operator's change and an adjustment {@code FOR UPDATE}, see
   * {@link #lockForChange}), so score changes of one user run one after another, a freeze or erase
   * either waits for this complete or this complete waits and then sees the new status, and the
   * foreign keys' {@code FOR KEY SHARE} checks of the complete's own inserts need no lock of their
   * own.
   */
  public static final String LOCK_FOR_SCORE_CHANGE = SELECT + " WHERE id = :user FOR NO KEY UPDATE";

  /** A user from a row of {@code id, display_name, status, public}. */
  public static User read(ResultSet rs) throws SQLException {
    return map(rs, 0);
  }

  /**
   * The user allowed to score, from the row {@link #LOCK_FOR_SCORE_CHANGE} found.
   *
   * @throws ApiException {@code USER_NOT_FOUND} (missing or erased), {@code USER_FROZEN}
   */
  public static User scoring(Optional<User> locked) {
    return active(known(locked));
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
    forgetOnCompletion(user.id());
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
    forgetOnCompletion(user.id());
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

  /**
   * Drops {@code id} from the starts' cache now and once the caller's transaction ends, so a start
   * that read the old status meanwhile cannot keep it (see {@link #requireActive}).
   */
  private void forgetOnCompletion(String id) {
    active.invalidate(id);
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCompletion(int status) {
            forgotten.incrementAndGet();
            active.invalidate(id);
          }
        });
  }

  private static User map(ResultSet rs, int row) throws SQLException {
    return new User(
        rs.getString("id"),
        rs.getString("display_name"),
        UserStatus.fromDb(rs.getString("status")),
        rs.getBoolean("public"));
  }
}
