package dev.livescoreboard.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class PlayerPacingTest {

  private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
  private static final Duration BACKOFF = Duration.ofMillis(700);

  @Test
  void retryAfterIsStretchedByAtMostHalfAndNeverShortened() {
    SimulatedAnswer refused = refusal(503, "UNAVAILABLE", Duration.ofSeconds(1));

    assertThat(PlayerPacing.pause(refused, () -> BACKOFF, 0.0)).contains(Duration.ofSeconds(1));
    assertThat(PlayerPacing.pause(refused, () -> BACKOFF, 0.5)).contains(Duration.ofMillis(1250));
    assertThat(PlayerPacing.pause(refused, () -> BACKOFF, 0.999))
        .hasValueSatisfying(
            pause -> assertThat(pause).isBetween(Duration.ofMillis(1499), Duration.ofMillis(1500)));
  }

  @Test
  void rateLimitsAndQuotasAreRetriedAfterTheirRetryAfter() {
    assertThat(
            PlayerPacing.pause(
                refusal(429, "RATE_LIMITED", Duration.ofSeconds(12)), () -> BACKOFF, 0.0))
        .contains(Duration.ofSeconds(12));
    assertThat(
            PlayerPacing.pause(
                refusal(429, "QUOTA_EXCEEDED", Duration.ofSeconds(3600)), () -> BACKOFF, 0.0))
        .contains(Duration.ofSeconds(3600));
  }

  @Test
  void refusalsWithoutRetryAfterAndLostAnswersBackOff() {
    SimulatedAnswer noHeader = new SimulatedAnswer(503, Optional.empty(), "", "");

    assertThat(PlayerPacing.pause(noHeader, () -> BACKOFF, 0.9)).contains(BACKOFF);
    assertThat(PlayerPacing.pause(SimulatedAnswer.LOST, () -> BACKOFF, 0.9)).contains(BACKOFF);
  }

  @Test
  void successesAndOtherRefusalsAreFinal() {
    for (int status : new int[] {200, 201, 400, 403, 409, 422, 500}) {
      SimulatedAnswer answer =
          new SimulatedAnswer(status, Optional.of(Duration.ofSeconds(1)), "", "");

      assertThat(PlayerPacing.pause(answer, () -> BACKOFF, 0.0)).as("status %d", status).isEmpty();
    }
  }

  @Test
  void anUnavailableServiceRestsThePlayerUntilThePauseEnds() {
    PlayerPacing pacing = new PlayerPacing(() -> 0.5);

    Optional<Duration> pause =
        pacing.answered("WIN_MATCH", refusal(503, "UNAVAILABLE", Duration.ofSeconds(2)), NOW);

    assertThat(pause).contains(Duration.ofMillis(2500));
    assertThat(pacing.restLeft("COMPLETE_LEVEL", NOW.plusMillis(2499)))
        .isEqualTo(Duration.ofMillis(1));
    assertThat(pacing.restLeft("WIN_MATCH", NOW.plusMillis(2499))).isPositive();
    assertThat(pacing.restLeft("COMPLETE_LEVEL", NOW.plusMillis(2500))).isZero();
  }

  @Test
  void anExceededQuotaRestsOnlyItsActionType() {
    PlayerPacing pacing = new PlayerPacing(() -> 0.0);

    pacing.answered("DAILY_LOGIN_BONUS", refusal(429, "QUOTA_EXCEEDED", Duration.ofHours(5)), NOW);

    assertThat(pacing.restLeft("DAILY_LOGIN_BONUS", NOW.plusSeconds(60))).isPositive();
    assertThat(pacing.restLeft("COMPLETE_LEVEL", NOW)).isZero();
    assertThat(pacing.restLeft("DAILY_LOGIN_BONUS", NOW.plus(Duration.ofHours(5)))).isZero();
  }

  @Test
  void aSuccessDoesNotShortenARestAndFinalRefusalsDoNotStartOne() {
    PlayerPacing pacing = new PlayerPacing(() -> 0.0);
    pacing.answered("WIN_MATCH", refusal(429, "RATE_LIMITED", Duration.ofSeconds(10)), NOW);

    assertThat(
            pacing.answered(
                "WIN_MATCH", new SimulatedAnswer(403, Optional.empty(), "USER_FROZEN", ""), NOW))
        .isEmpty();
    assertThat(pacing.answered("WIN_MATCH", served(), NOW.plusSeconds(1))).isEmpty();
    assertThat(pacing.restLeft("WIN_MATCH", NOW.plusSeconds(9))).isPositive();
    assertThat(pacing.restLeft("WIN_MATCH", NOW.plusSeconds(10))).isZero();
  }

  @Test
  void repeatedRefusalsWithoutRetryAfterBackOffAgainFromTheStartAfterASuccess() {
    // Pauses are random: many runs, so a missing reset would show with certainty.
    for (int run = 0; run < 100; run++) {
      PlayerPacing pacing = new PlayerPacing(() -> 0.0);
      // The shared Backoff (base 1 s, max 30 s): ceilings 1, 2, 4, 8 s, each pause at least 0.5 s.
      for (int i = 0; i < 4; i++) {
        assertThat(pacing.answered("WIN_MATCH", SimulatedAnswer.LOST, NOW).orElseThrow())
            .isBetween(Duration.ofMillis(500), Duration.ofSeconds(1L << i));
      }
      pacing.answered("WIN_MATCH", served(), NOW);

      assertThat(pacing.answered("WIN_MATCH", SimulatedAnswer.LOST, NOW).orElseThrow())
          .isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
    }
  }

  @Test
  void aRefusalCarriesItsProblemCodeAndRetryAfter() {
    JsonMapper json = JsonMapper.builder().build();

    SimulatedAnswer quota =
        SimulatedAnswer.of(
            429, Optional.of("3600"), "{\"code\":\"QUOTA_EXCEEDED\",\"status\":429}", json);
    SimulatedAnswer proxyPage =
        SimulatedAnswer.of(503, Optional.empty(), "<html>busy</html>", json);

    assertThat(quota.code()).isEqualTo("QUOTA_EXCEEDED");
    assertThat(quota.retryAfter()).contains(Duration.ofHours(1));
    assertThat(proxyPage.code()).isEmpty();
    assertThat(proxyPage.retryAfter()).isEmpty();
  }

  @Test
  void retryAfterIsReadInSecondsAndAnythingElseIsIgnored() {
    assertThat(SimulatedAnswer.seconds("1")).contains(Duration.ofSeconds(1));
    assertThat(SimulatedAnswer.seconds(" 120 ")).contains(Duration.ofSeconds(120));
    assertThat(SimulatedAnswer.seconds("-1")).isEmpty();
    assertThat(SimulatedAnswer.seconds("Wed, 21 Oct 2026 07:28:00 GMT")).isEmpty();
  }

  private static SimulatedAnswer refusal(int status, String code, Duration retryAfter) {
    return new SimulatedAnswer(
        status, Optional.of(retryAfter), code, "{\"code\":\"" + code + "\"}");
  }

  private static SimulatedAnswer served() {
    return new SimulatedAnswer(200, Optional.empty(), "", "{}");
  }
}
