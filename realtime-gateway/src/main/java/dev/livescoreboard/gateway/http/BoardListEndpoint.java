package dev.livescoreboard.gateway.http;

import dev.livescoreboard.events.ErrorCode;
import dev.livescoreboard.gateway.registry.BoardRegistry;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/leaderboards}: every defined board, by id, from the registry in memory (read
 * from Redis only until its first reload succeeded).
 */
final class BoardListEndpoint {

  static final String PATH = "/api/v1/leaderboards";

  private static final Logger log = LoggerFactory.getLogger(BoardListEndpoint.class);

  private final BoardRegistry registry;

  BoardListEndpoint(BoardRegistry registry) {
    this.registry = registry;
  }

  void handle(Exchange exchange) {
    exchange.await(
        registry.all(exchange.ctx().executor()),
        done -> {
          if (done.isSuccess()) {
            exchange.respond(HttpResponses.json(HttpResponseStatus.OK, done.getNow()));
          } else {
            log.warn("Board list failed: {}", done.cause().toString());
            exchange.fail(ErrorCode.UNAVAILABLE, "boards are temporarily unavailable");
          }
        });
  }
}
