package dev.livescoreboard.gateway.http;

import dev.livescoreboard.events.ErrorCode;
import dev.livescoreboard.gateway.blocking.BlockingExecutor;
import dev.livescoreboard.gateway.registry.BoardInfo;
import dev.livescoreboard.gateway.registry.BoardRegistry;
import dev.livescoreboard.gateway.registry.SeasonInfo;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.concurrent.Future;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/leaderboards/{board}/seasons}: every season of the board, newest first (by
 * start, never by string), each with its start and end ({@code null} for the current one), read
 * from the read model on the blocking executor.
 */
final class SeasonsEndpoint {

  private static final Logger log = LoggerFactory.getLogger(SeasonsEndpoint.class);

  private final BoardRegistry registry;
  private final BlockingExecutor blocking;

  SeasonsEndpoint(BoardRegistry registry, BlockingExecutor blocking) {
    this.registry = registry;
    this.blocking = blocking;
  }

  /** Call with a defined board. */
  void handle(Exchange exchange, BoardInfo board) {
    Future<List<SeasonInfo>> read =
        blocking.submit(() -> registry.seasons(board), exchange.ctx().executor());
    exchange.await(
        read,
        done -> {
          if (done.isSuccess()) {
            exchange.respond(
                HttpResponses.json(
                    HttpResponseStatus.OK, new SeasonsResponse(board.board(), done.getNow())));
          } else {
            log.warn("Season list failed: {}", done.cause().toString());
            exchange.fail(ErrorCode.UNAVAILABLE, "the seasons are temporarily unavailable");
          }
        });
  }

  /** The response body; field names are the public API. */
  record SeasonsResponse(String board, List<SeasonInfo> seasons) {}
}
