package dev.livescoreboard.command.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records security events: one line on the {@code security} logger whose key-value pairs {@code
 * event, userId, ip, path, reason} are fields of its JSON (beside the MDC's {@code requestId} and
 * {@code traceId}), and one increment of the counter {@code scoreboard.security.events{event=…}}.
 * The request details come from the current request, so callers pass only what they know. An event
 * is recorded at most once per request, so a caller and {@link SecurityEventObserver} may both
 * report it. Never pass tokens or secrets as the reason; user ids are pseudonymous and logged as
 * they are. Thread-safe.
 */
@Component
public class SecurityEvents {

  /** Request attribute holding the authenticated caller's id, set by the auth interceptor. */
  public static final String USER_ID_ATTRIBUTE = SecurityEvents.class.getName() + ".userId";

  static final String METRIC = "scoreboard.security.events";
  private static final Logger log = LoggerFactory.getLogger("security");
  private static final int MAX_REASON_CHARS = 300;

  private final ClientAddresses addresses;
  private final Map<SecurityEvent, Counter> counters = new EnumMap<>(SecurityEvent.class);

  SecurityEvents(ClientAddresses addresses, MeterRegistry meters) {
    this.addresses = addresses;
    for (SecurityEvent event : SecurityEvent.values()) {
      counters.put(
          event,
          Counter.builder(METRIC)
              .description("Security-relevant refusals, by kind")
              .tag("event", event.tag())
              .register(meters));
    }
  }

  /** Records {@code event} for the current request's caller. */
  public void record(SecurityEvent event, String reason) {
    record(event, null, reason);
  }

  /** Records a quota refusal of {@code userId}'s complete (for the action rules). */
  public void quotaExceeded(String userId, String reason) {
    record(SecurityEvent.QUOTA_EXCEEDED, userId, reason);
  }

  /**
   * Records {@code event}.
   *
   * @param userId the caller, or {@code null} to take it from the current request (if known)
   * @param reason a short, token-free explanation
   */
  public void record(SecurityEvent event, String userId, String reason) {
    HttpServletRequest request = currentRequest();
    if (request != null) {
      String once = SecurityEvents.class.getName() + "." + event.name();
      if (request.getAttribute(once) != null) {
        return;
      }
      request.setAttribute(once, Boolean.TRUE);
      if (userId == null && request.getAttribute(USER_ID_ATTRIBUTE) instanceof String known) {
        userId = known;
      }
    }
    counters.get(event).increment();
    log.atWarn()
        .addKeyValue("event", event.tag())
        .addKeyValue("userId", userId)
        .addKeyValue("ip", request == null ? null : addresses.of(request))
        .addKeyValue("path", request == null ? null : request.getRequestURI())
        .addKeyValue("reason", reason == null ? null : truncate(reason))
        .log("security event {}", event.tag());
  }

  private static String truncate(String reason) {
    return reason.length() <= MAX_REASON_CHARS ? reason : reason.substring(0, MAX_REASON_CHARS);
  }

  private static HttpServletRequest currentRequest() {
    return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs
        ? attrs.getRequest()
        : null;
  }
}
