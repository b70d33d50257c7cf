package dev.livescoreboard.command.outbox;

/** A batch could not be published; its transaction rolls back and the rows are retried. */
class OutboxPublishException extends RuntimeException {

  OutboxPublishException(String message, Throwable cause) {
    super(message, cause);
  }
}
