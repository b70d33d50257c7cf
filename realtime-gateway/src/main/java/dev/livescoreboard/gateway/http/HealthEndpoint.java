package dev.livescoreboard.gateway.http;

import dev.livescoreboard.gateway.blocking.BlockingExecutor;
import dev.livescoreboard.gateway.board.LeaderboardStore;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.function.BooleanSupplier;

/**
 * {@code GET /health}: ready when Redis answers a PING and the change subscription is up; 503
 * otherwise, naming the part that is down. The PING runs on the blocking pool.
 */
final class HealthEndpoint {

  private final LeaderboardStore store;
  private final BooleanSupplier subscriptionUp;
  private final BlockingExecutor blocking;

  HealthEndpoint(
      LeaderboardStore store, BooleanSupplier subscriptionUp, BlockingExecutor blocking) {
    this.store = store;
    this.subscriptionUp = subscriptionUp;
    this.blocking = blocking;
  }

  void handle(Exchange exchange) {
    exchange.await(
        blocking.submit(store::isReachable, exchange.ctx().executor()),
        ping -> {
          boolean redisUp = ping.isSuccess() && Boolean.TRUE.equals(ping.getNow());
          boolean subscribed = subscriptionUp.getAsBoolean();
          boolean up = redisUp && subscribed;
          FullHttpResponse response =
              HttpResponses.json(
                  up ? HttpResponseStatus.OK : HttpResponseStatus.SERVICE_UNAVAILABLE,
                  new Health(status(up), status(redisUp), status(subscribed)));
          response.headers().set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE);
          exchange.respond(response);
        });
  }

  private static String status(boolean up) {
    return up ? "UP" : "DOWN";
  }

  /** The response body. */
  record Health(String status, String redis, String subscription) {}
}
