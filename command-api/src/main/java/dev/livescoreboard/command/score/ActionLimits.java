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
 * {@code once-per-day} (calendar day, UTC). Counts come from {@code score_events}, so they survive
 * restarts and hold across instances. Quota checks first lock the user's {@code users} row ({@code
 * FOR NO KEY UPDATE}): two completes of the same user, even on different boards, then count one
 * after the other and cannot both take the last slot. Lock order is always user row shared ({@code
 * FOR KEY SHARE}, taken first by the complete), score row, then user row {@code FOR NO KEY UPDATE};
 * the shared lock does not conflict with the last one, so the locks cannot deadlock.
 */
@Component
class ActionLimits {

  private static final Duration HOUR = Duration.ofHours(1);

  private final JdbcClient jdbc;

  ActionLimits(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The limit this complete would break, if any ({@code ACTION_TOO_FAST}, {@code QUOTA_EXCEEDED}).
   */
  Optional<ApiException> violation(
      String userId, ActionTokenClaims token, ActionDefinition action, Instant now) {
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
    lockUser(userId);
    Instant hourAgo = now.minus(HOUR);
    Instant midnight = now.truncatedTo(ChronoUnit.DAYS);
    Duration wait = Duration.ZERO;
    Integer hourly = action.maxPerHour();
    if (hourly != null) {
      long inLastHour = count(userId, action.type(), hourAgo);
      if (inLastHour >= hourly) {
        // The window has room again when enough of its oldest completes have dropped out.
        Instant freed = nthOldest(userId, action.type(), hourAgo, inLastHour - hourly).plus(HOUR);
        wait = max(wait, Duration.between(now, freed));
      }
    }
    Integer daily = action.dailyLimit();
    // Stored times have microseconds: "after midnight minus 1 µs" includes midnight itself.
    if (daily != null && count(userId, action.type(), midnight.minusNanos(1000)) >= daily) {
      wait = max(wait, Duration.between(now, midnight.plus(Duration.ofDays(1))));
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

  private void lockUser(String userId) {
    jdbc.sql("SELECT 1 FROM users WHERE id = :user FOR NO KEY UPDATE")
        .param("user", userId)
        .query(Integer.class)
        .optional();
  }

  /** Completes of {@code actionType} committed after {@code since}. */
  private long count(String userId, String actionType, Instant since) {
    return jdbc.sql(
            """
            SELECT count(*) FROM score_events
            WHERE user_id = :user AND action_type = :type AND committed_at > :since
            """)
        .param("user", userId)
        .param("type", actionType)
        .param("since", utc(since))
        .query(Long.class)
        .single();
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
