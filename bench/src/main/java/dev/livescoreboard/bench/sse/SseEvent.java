package dev.livescoreboard.bench.sse;

/**
 * One dispatched Server-Sent Event.
 *
 * @param event the {@code event:} name ({@code message} when the event named none)
 * @param id the {@code id:} value, null when the event had none
 * @param data the {@code data:} lines joined with {@code \n}
 */
record SseEvent(String event, String id, String data) {}
