package dev.livescoreboard.command.profile;

import dev.livescoreboard.command.problem.ApiException;
import dev.livescoreboard.events.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a history page ends: the last item's {@code committed_at} and event id (the keyset of the
 * newest-first order). Sent to clients as an opaque Base64url token; they must not parse it.
 *
 * @param committedAt the last item's commit time (microseconds, as stored)
 * @param eventId the last item's id, the tie-breaker between events committed at the same time
 */
record HistoryCursor(Instant committedAt, UUID eventId) {

  private static final int MAX_LENGTH = 128;

  String encode() {
    long micros = ChronoUnit.MICROS.between(Instant.EPOCH, committedAt);
    String plain = micros + ":" + eventId;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * The cursor of {@code token}.
   *
   * @throws ApiException {@code VALIDATION_FAILED} for anything that is not a cursor this service
   *     issued
   */
  static HistoryCursor decode(String token) {
    try {
      if (token.length() > MAX_LENGTH) {
        throw new IllegalArgumentException("too long");
      }
      String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII);
      int colon = plain.indexOf(':');
      long micros = Long.parseLong(plain.substring(0, colon));
      UUID id = UUID.fromString(plain.substring(colon + 1));
      if (!id.toString().equals(plain.substring(colon + 1))) {
        throw new IllegalArgumentException("not canonical");
      }
      return new HistoryCursor(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), id);
    } catch (RuntimeException e) {
      throw new ApiException(ErrorCode.VALIDATION_FAILED, "cursor: is not a valid history cursor");
    }
  }
}
