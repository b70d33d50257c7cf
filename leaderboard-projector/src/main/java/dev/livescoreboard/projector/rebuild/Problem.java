package dev.livescoreboard.projector.rebuild;

/**
 * An RFC 9457 problem body, shaped like command-api's.
 *
 * @param type {@code urn:problem:<code>}
 * @param code stable UPPER_SNAKE code clients switch on
 * @param requestId the caller's {@code X-Request-Id}, or a fresh id
 */
record Problem(
    String type, String title, int status, String detail, String code, String requestId) {}
