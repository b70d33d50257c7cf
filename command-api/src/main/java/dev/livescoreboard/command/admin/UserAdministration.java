package dev.livescoreboard.command.admin;

import dev.livescoreboard.command.auditlog.AdminAuditLog;
import dev.livescoreboard.command.entry.EntryChanges;
import dev.livescoreboard.command.erasure.PersonalData;
import dev.livescoreboard.command.problem.ApiException;
import dev.livescoreboard.command.user.NewUser;
import dev.livescoreboard.command.user.User;
import dev.livescoreboard.command.user.UserStatus;
import dev.livescoreboard.command.user.Users;
import dev.livescoreboard.events.EntryChanged;
import dev.livescoreboard.events.ErrorCode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An operator's changes of users, each one transaction: lock the user's row, change it, announce
 * the new state of every entry ({@link EntryChanges}) and write the audit row. A change that
 * changes nothing (freezing a frozen user, renaming to the same name) writes nothing.
 */
@Service
public class UserAdministration {

  private final Users users;
  private final EntryChanges entries;
  private final PersonalData personalData;
  private final AdminAuditLog audit;
  private final Clock clock;

  UserAdministration(
      Users users,
      EntryChanges entries,
      PersonalData personalData,
      AdminAuditLog audit,
      Clock clock) {
    this.users = users;
    this.entries = entries;
    this.personalData = personalData;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Freezes ({@link UserStatus#FROZEN}) or unfreezes ({@link UserStatus#ACTIVE}) a user; {@code
   * context} goes into the audit row's details (e.g. the anomaly flags behind an automatic freeze).
   */
  @Transactional
  public User changeStatus(
      String actor, String userId, UserStatus status, String reason, Map<String, ?> context) {
    User user = lockChangeable(userId);
    if (user.status() == status) {
      return user;
    }
    User changed = users.setStatus(user, status);
    boolean frozen = status == UserStatus.FROZEN;
    List<EntryChanged> events =
        entries.publish(
            changed, frozen ? EntryChanged.CHANGE_FROZEN : EntryChanged.CHANGE_UNFROZEN, now());
    Map<String, Object> details = new LinkedHashMap<>(context);
    details.put("entries", events.size());
    audit.record(actor, frozen ? "USER_FROZEN" : "USER_UNFROZEN", target(userId), reason, details);
    return changed;
  }

  /** Renames a user and/or changes their visibility; {@code null} keeps the current value. */
  @Transactional
  User updateProfile(String actor, String userId, String displayName, Boolean isPublic) {
    User user = lockChangeable(userId);
    User changed = applyProfile(user, displayName, isPublic);
    if (changed == user) {
      return user;
    }
    Map<String, Object> details = new LinkedHashMap<>();
    if (!changed.displayName().equals(user.displayName())) {
      details.put("displayName", changed.displayName());
    }
    if (changed.publicProfile() != user.publicProfile()) {
      details.put("public", changed.publicProfile());
    }
    details.put("entries", publishProfileChange(user, changed));
    audit.record(actor, "USER_UPDATED", target(userId), null, details);
    return changed;
  }

  /**
   * Erases a user: their personal data is removed ({@link PersonalData}), the row is kept as {@code
   * erased} and every entry leaves the boards with {@code forget}.
   *
   * @throws ApiException {@code USER_NOT_FOUND}, or {@code USER_ERASED} when erased before
   */
  @Transactional
  User erase(String actor, String userId, String reason) {
    User user = lockChangeable(userId);
    PersonalData.ErasedData removed = personalData.forget(userId);
    User erased = users.erase(user);
    List<EntryChanged> events = entries.publish(erased, EntryChanged.CHANGE_ERASED, now());
    audit.record(
        actor,
        "USER_ERASED",
        target(userId),
        reason,
        Map.of(
            "entries", events.size(),
            "metadataCleared", removed.metadata(),
            "storedResponsesDeleted", removed.storedResponses(),
            "outboxPayloadsScrubbed", removed.outboxRows(),
            "auditRowsScrubbed", removed.auditRows()));
    return erased;
  }

  /**
   * Creates or updates users in one transaction; a changed name or visibility of an existing user
   * is announced like a {@link #updateProfile}. Rows are locked in id order, so two concurrent
   * batches cannot deadlock.
   *
   * @throws ApiException {@code USER_ERASED} for an erased id (nothing of the batch is applied)
   */
  @Transactional
  Provisioned provision(String actor, List<NewUser> batch) {
    int created = 0;
    for (NewUser wanted : batch.stream().sorted(Comparator.comparing(NewUser::id)).toList()) {
      Optional<User> existing = users.lockForChange(wanted.id());
      if (existing.isEmpty() && users.create(wanted)) {
        created++;
        continue;
      }
      // Either it existed, or a concurrent request created it just now: change it under its lock.
      User user = existing.orElseGet(() -> users.lockForChange(wanted.id()).orElseThrow());
      if (user.status() == UserStatus.ERASED) {
        throw new ApiException(
            ErrorCode.USER_ERASED,
            "user " + wanted.id() + " was erased: an erased id is never provisioned again");
      }
      User changed = applyProfile(user, wanted.displayName(), wanted.publicProfile());
      if (changed != user) {
        publishProfileChange(user, changed);
      }
    }
    Provisioned result = new Provisioned(created, batch.size() - created);
    audit.record(
        actor,
        "USERS_PROVISIONED",
        "users",
        null,
        Map.of("received", batch.size(), "created", result.created(), "updated", result.updated()));
    return result;
  }

  /** The user after setting what differs, or {@code user} itself when nothing does. */
  private User applyProfile(User user, String displayName, Boolean isPublic) {
    String name = displayName == null ? user.displayName() : displayName;
    boolean visible = isPublic == null ? user.publicProfile() : isPublic;
    if (name.equals(user.displayName()) && visible == user.publicProfile()) {
      return user;
    }
    return users.setProfile(user, name, visible);
  }

  /** Announces a profile change; the visibility wins when both changed. */
  private int publishProfileChange(User before, User after) {
    String change =
        before.publicProfile() != after.publicProfile()
            ? EntryChanged.CHANGE_VISIBILITY
            : EntryChanged.CHANGE_RENAMED;
    return entries.publish(after, change, now()).size();
  }

  private User lockChangeable(String userId) {
    User user =
        users
            .lockForChange(userId)
            .orElseThrow(() -> new ApiException(ErrorCode.USER_NOT_FOUND, "unknown user"));
    if (user.status() == UserStatus.ERASED) {
      throw new ApiException(ErrorCode.USER_ERASED, "this user was erased");
    }
    return user;
  }

  private Instant now() {
    // PostgreSQL keeps microseconds: the events carry exactly what is stored.
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private static String target(String userId) {
    return "user:" + userId;
  }

  /**
   * How a provisioning went.
   *
   * @param created users that were new
   * @param updated users that existed (changed or not)
   */
  record Provisioned(int created, int updated) {}
}
