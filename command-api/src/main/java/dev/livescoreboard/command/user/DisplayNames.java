package dev.livescoreboard.command.user;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * The display-name rule: 1–32 characters, each a letter, a digit, a space or one of {@code _-.},
 * not starting or ending with a space. Markup and control characters can therefore never be stored.
 */
public final class DisplayNames {

  /** The rule as a regular expression (for bean validation). */
  public static final String REGEX =
      "[\\p{L}\\p{Nd}_.-](?:[\\p{L}\\p{Nd} _.-]{0,30}[\\p{L}\\p{Nd}_.-])?";

  public static final int MAX_LENGTH = 32;
  static final String LAST_RESORT = "Player";

  private static final Pattern VALID = Pattern.compile(REGEX);
  private static final Pattern DISALLOWED = Pattern.compile("[^\\p{L}\\p{Nd} _.-]");
  private static final Pattern SPACES = Pattern.compile(" {2,}");

  private DisplayNames() {}

  public static boolean isValid(String name) {
    return name != null && VALID.matcher(name).matches();
  }

  /**
   * A valid display name made from {@code raw} (e.g. a JWT {@code name} claim) by dropping what the
   * rule does not allow; if nothing usable remains, the same made from {@code fallback} (the user
   * id), and failing that {@code "Player"}.
   */
  public static String sanitize(String raw, String fallback) {
    String name = clean(raw);
    if (name.isEmpty()) {
      name = clean(fallback);
    }
    return name.isEmpty() ? LAST_RESORT : name;
  }

  private static String clean(String raw) {
    if (raw == null) {
      return "";
    }
    String composed = Normalizer.normalize(raw, Normalizer.Form.NFC).replaceAll("\\s", " ");
    String kept =
        SPACES.matcher(DISALLOWED.matcher(composed).replaceAll("")).replaceAll(" ").strip();
    if (kept.codePointCount(0, kept.length()) > MAX_LENGTH) {
      kept = kept.substring(0, kept.offsetByCodePoints(0, MAX_LENGTH)).strip();
    }
    return kept;
  }
}
