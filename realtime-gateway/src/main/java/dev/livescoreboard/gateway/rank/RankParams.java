package dev.livescoreboard.gateway.rank;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The query parameters of the rank reads and their limits. Each parser returns empty for a value
 * that is not acceptable (the caller answers {@code VALIDATION_FAILED}); a missing value is the
 * default.
 */
public final class RankParams {

  public static final int DEFAULT_RADIUS = 5;

  /** 51 entries at most: a screenful around the player, not a way to page the board. */
  public static final int MAX_RADIUS = 25;

  /** Paging reaches any rank of a board of up to a billion users. */
  public static final int MAX_OFFSET = 999_999_999;

  /** A friends list of one page; more ids would make one request read a large part of a board. */
  public static final int MAX_IDS = 100;

  /** Longer than any token subject we issue; bounds the work one id can cause. */
  public static final int MAX_USER_ID_LENGTH = 128;

  private RankParams() {}

  public static OptionalInt radius(String raw) {
    return number(raw, DEFAULT_RADIUS, 0, MAX_RADIUS);
  }

  public static OptionalInt offset(String raw) {
    return number(raw, 0, 0, MAX_OFFSET);
  }

  /** A non-negative decimal from {@code min} to {@code max}, or {@code fallback} if absent. */
  public static OptionalInt number(String raw, int fallback, int min, int max) {
    if (raw == null || raw.isEmpty()) {
      return OptionalInt.of(fallback);
    }
    if (raw.length() > 9 || !raw.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return OptionalInt.empty();
    }
    int value = Integer.parseInt(raw);
    return value >= min && value <= max ? OptionalInt.of(value) : OptionalInt.empty();
  }

  /** The comma-separated ids, without repeats, in their first order: 1 to {@link #MAX_IDS}. */
  public static Optional<List<String>> ids(String raw) {
    if (raw == null || raw.isEmpty()) {
      return Optional.empty();
    }
    Set<String> ids = new LinkedHashSet<>();
    for (String id : raw.split(",", -1)) {
      if (!isValidUserId(id)) {
        return Optional.empty();
      }
      ids.add(id);
      if (ids.size() > MAX_IDS) {
        return Optional.empty();
      }
    }
    return Optional.of(new ArrayList<>(ids));
  }

  /** A token subject as we issue them: 1 to 128 visible characters, no comma. */
  public static boolean isValidUserId(String id) {
    return !id.isEmpty()
        && id.length() <= MAX_USER_ID_LENGTH
        && id.chars().allMatch(c -> c > ' ' && c != ',' && c != 0x7f);
  }
}
