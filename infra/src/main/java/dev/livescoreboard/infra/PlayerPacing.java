package dev.livescoreboard.infra;

import dev.livescoreboard.events.retry.Backoff;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * When one simulated player may send again after command-api told it to come back later, as the
 * README asks of a frontend ("Writing a frontend"). Used on one thread only (the simulator's, or
 * the thread of the system tests' load that plays the same way).
 *
 * <p>A 503 or 429 with {@code Retry-After} pauses the player for Retry-After × a random factor in
 * [1, 1.5): never sooner than the server asked, and spread, because admission control answers the
 * same {@code Retry-After: 1} to every request it refuses in one burst, and players that all came
 * back exactly one second later would be the next burst. Full jitter (random in [0, Retry-After])
 * would spread them as well but send most of them before the time the server named. A refusal
 * without {@code Retry-After}, or no answer at all, pauses by the shared jittered {@link Backoff},
 * whose pauses grow while such refusals repeat and start over after a success.
 *
 * <p>{@code QUOTA_EXCEEDED} is per user and action type, and its {@code Retry-After} may be the
 * rest of the UTC day: it rests only that action type, the player goes on playing the others. Every
 * other refusal to come back later rests the whole player.
 */
public final class PlayerPacing {

  /** Most refusals without Retry-After are a restart or a proxy: a second is about right. */
  private static final Duration BACKOFF_BASE = Duration.ofSeconds(1);

  private static final Duration BACKOFF_MAX = Duration.ofSeconds(30);

  /** How far past {@code Retry-After} a player may come back, as a share of it. */
  static final double MAX_STRETCH = 0.5;

  private final Backoff backoff = new Backoff(BACKOFF_BASE, BACKOFF_MAX);
  private final DoubleSupplier unitRandom;
  private final Map<String, Instant> actionRestsUntil = new HashMap<>();
  private Instant restsUntil = Instant.MIN;

  /**
   * @param unitRandom random numbers in [0, 1), for the stretch of {@code Retry-After}
   */
  public PlayerPacing(DoubleSupplier unitRandom) {
    this.unitRandom = unitRandom;
  }

  /** How long the player must still wait before a request for {@code actionType}; zero: none. */
  public Duration restLeft(String actionType, Instant now) {
    Instant until = later(restsUntil, actionRestsUntil.getOrDefault(actionType, Instant.MIN));
    return now.isBefore(until) ? Duration.between(now, until) : Duration.ZERO;
  }

  /**
   * Records an answer to a request for {@code actionType}.
   *
   * @return the pause before the same request may be sent again, empty when the answer is final
   */
  public Optional<Duration> answered(String actionType, SimulatedAnswer answer, Instant now) {
    if (answer.served()) {
      backoff.reset();
      return Optional.empty();
    }
    Optional<Duration> pause = pause(answer, backoff::next, unitRandom.getAsDouble());
    pause.ifPresent(
        p -> {
          Instant until = now.plus(p);
          if (answer.code().equals("QUOTA_EXCEEDED")) {
            actionRestsUntil.merge(actionType, until, PlayerPacing::later);
          } else {
            restsUntil = later(restsUntil, until);
          }
        });
    return pause;
  }

  /**
   * The retry rule, pure: how long to wait before sending a request again after {@code answer}, or
   * empty when it must not be sent again (a success, or a refusal the same request would get again:
   * 4xx other than 429, and 5xx other than 503).
   *
   * @param backoff the next pause of the caller's back-off, asked only when there is no {@code
   *     Retry-After}
   * @param unit a random number in [0, 1)
   */
  static Optional<Duration> pause(SimulatedAnswer answer, Supplier<Duration> backoff, double unit) {
    boolean comeBackLater = answer.lost() || answer.status() == 503 || answer.status() == 429;
    if (!comeBackLater) {
      return Optional.empty();
    }
    return Optional.of(answer.retryAfter().map(after -> stretch(after, unit)).orElseGet(backoff));
  }

  private static Duration stretch(Duration retryAfter, double unit) {
    return Duration.ofMillis(Math.round(retryAfter.toMillis() * (1 + MAX_STRETCH * unit)));
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
