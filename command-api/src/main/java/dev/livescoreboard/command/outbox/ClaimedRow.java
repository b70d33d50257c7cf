package dev.livescoreboard.command.outbox;

import java.time.Instant;

/** An outbox row the relay claimed for publishing, with the time it was inserted. */
record ClaimedRow(long id, String key, String payload, String traceparent, Instant createdAt) {}
