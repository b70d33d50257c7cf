package dev.livescoreboard.events;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The request id of every service's HTTP requests ({@value #HEADER}): the caller's when it is a
 * short plain token (it ends up in logs and responses, so nothing else is taken over), else a new
 * random UUID. It names the request's log lines ({@value #MDC_KEY}) and its problem responses.
 */
public final class RequestIds {

  /** The request and response header. */
  public static final String HEADER = "X-Request-Id";

  /** The key of the request id in the logging MDC, hence the field of every JSON log line. */
  public static final String MDC_KEY = "requestId";

  private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  private RequestIds() {}

  /** {@code given} if it is acceptable as a request id, else {@link #newId()}. */
  public static String resolve(String given) {
    return given != null && ACCEPTED.matcher(given).matches() ? given : newId();
  }

  /**
   * A new random (version 4) UUID. Request ids need to be unique, not secret, so a thread-local
   * generator does, without the shared secure generator of {@link UUID#randomUUID()}.
   */
  public static String newId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low).toString();
  }
}
