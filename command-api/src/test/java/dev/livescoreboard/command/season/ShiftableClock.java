package dev.livescoreboard.command.season;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The real UTC clock moved forward by an offset a test chooses, so a test can put the service just
 * past a season boundary without waiting for it while time keeps passing (timeouts, token expiry).
 */
final class ShiftableClock extends Clock {

  private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

  /** Moves the clock so that it reads {@code target} now; never backwards. */
  void jumpTo(Instant target) {
    Duration shift = Duration.between(Instant.now(), target);
    offset.getAndUpdate(current -> shift.compareTo(current) > 0 ? shift : current);
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(offset.get());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("UTC only");
  }
}
