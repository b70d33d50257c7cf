package dev.livescoreboard.command.score;

import dev.livescoreboard.command.action.ActionDefinition;
import dev.livescoreboard.command.action.ActionTokenClaims;
import dev.livescoreboard.command.problem.ApiException;
import dev.livescoreboard.events.ErrorCode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The catalog's per-action limits, checked inside the scoring transaction: {@code min-seconds}
 * between start and complete, {@code max-per-hour} (rolling 60 minutes), {@code max-per-day} and
 * {@code once-per-day} (calendar day, UTC). Counts come from {@code score_events} ({@link
 * ScoreStore#lockForComplete} counts them under the user's row lock), so they survive restarts and
 * hold across instances, and two completes of the same user, even on different boards, count one
 * after the other and cannot both take the last slot.
 */
@Component
class ActionLimits {

  private static final Duration HOUR = Duration.ofHours(1);

  /**
   * Where a complete at some instant counts the user's earlier completes of the action type.
   *
   * @param hourAgo {@code max-per-hour} counts those committed after this
   * @param dayStart {@code max-per-day} and {@code once-per-day} count those committed after this:
   *     1 µs before the UTC day began (stored times have microseconds, so midnight itself counts)
   */
  record Windows(Instant hourAgo, Instant dayStart) {

    static Windows at(Instant now) {
      return new Windows(now.minus(HOUR), now.truncatedTo(ChronoUnit.DAYS).minusNanos(1000));
    }
  }

  /** The user's completes of the action type in each of the {@link Windows}. */
  record Counts(long inLastHour, long sinceDayStart) {}

  private final JdbcClient jdbc;

  ActionLimits(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The windows to count in for a complete of {@code action} at {@code now}; null: no quota. */
  static Windows windows(ActionDefinition action, Instant now) {
    return action.hasQuota() ? Windows.at(now) : null;
  }

  /**
   * The limit this complete would break, if any ({@code ACTION_TOO_FAST}, {@code QUOTA_EXCEEDED}).
   *
   * @param counts the user's completes of the action type, counted in {@link #windows}
   */
  Optional<ApiException> violation(
      String userId, ActionTokenClaims token, ActionDefinition action, Instant now, Counts counts) {
    Instant earliest = token.issuedAt().plusSeconds(action.minSeconds());
    if (now.isBefore(earliest)) {
      return Optional.of(
          new ApiException(
              ErrorCode.ACTION_TOO_FAST,
              "action "
                  + action.type()
                  + " can be completed "
                  + action.minSeconds()
                  + " seconds after it was started at the earliest",
              retryAfter(Duration.between(now, earliest))));
    }
    if (!action.hasQuota()) {
      return Optional.empty();
    }
    Windows windows = Windows.at(now);
    Duration wait = Duration.ZERO;
    Integer hourly = action.maxPerHour();
    if (hourly != null && counts.inLastHour() >= hourly) {
      // The window has room again when enough of its oldest completes have dropped out.
      Instant freed =
          nthOldest(userId, action.type(), windows.hourAgo(), counts.inLastHour() - hourly)
              .plus(HOUR);
      wait = max(wait, Duration.between(now, freed));
    }
    Integer daily = action.dailyLimit();
    if (daily != null && counts.sinceDayStart() >= daily) {
      Instant tomorrow = now.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1));
      wait = max(wait, Duration.between(now, tomorrow));
    }
    if (wait.isZero()) {
      return Optional.empty();
    }
    return Optional.of(
        new ApiException(
            ErrorCode.QUOTA_EXCEEDED,
            "the quota of action " + action.type() + " is used up" + describe(action),
            retryAfter(wait)));
  }

  private static String describe(ActionDefinition action) {
    StringBuilder limits = new StringBuilder(" (");
    if (action.maxPerHour() != null) {
      limits.append(action.maxPerHour()).append(" per hour");
    }
    if (action.dailyLimit() != null) {
      limits
          .append(limits.length() > 2 ? ", " : "")
          .append(action.dailyLimit())
          .append(" per UTC day");
    }
    return limits.append(')').toString();
  }

  private Instant nthOldest(String userId, String actionType, Instant since, long skip) {
    return jdbc.sql(
            """
            SELECT committed_at FROM score_events
            WHERE user_id = :user AND action_type = :type AND committed_at > :since
            ORDER BY committed_at OFFSET :skip LIMIT 1
            """)
        .param("user", userId)
        .param("type", actionType)
        .param("since", utc(since))
        .param("skip", skip)
        .query(OffsetDateTime.class)
        .single()
        .toInstant();
  }

  private static Map<String, String> retryAfter(Duration wait) {
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    return Map.of(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
