package dev.livescoreboard.command.user;

/**
 * A player.
 *
 * @param id the {@code sub} of their access tokens
 * @param displayName 1–32 letters, digits, spaces and {@code _-.}
 * @param status whether they may score
 * @param publicProfile {@code false}: shown as {@link #ANONYMOUS} on public boards
 */
public record User(String id, String displayName, UserStatus status, boolean publicProfile) {

  public static final String ANONYMOUS = "Anonymous";

  /** An erased user's display name: the same for everyone, so it tells nothing. */
  public static final String ERASED_NAME =
      dev.livescoreboard.events.EntryChanged.ERASED_DISPLAY_NAME;

  /** The name that public boards and events show. */
  public String publicName() {
    if (status == UserStatus.ERASED) {
      return ERASED_NAME;
    }
    return publicProfile ? displayName : ANONYMOUS;
  }
}
