package dev.livescoreboard.gateway.http;

import dev.livescoreboard.events.ErrorCode;
import dev.livescoreboard.gateway.blocking.BlockingExecutor;
import dev.livescoreboard.gateway.metrics.GatewayMetrics;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * {@code GET /metrics}: Prometheus text, scraped on the blocking pool (JVM binders read MXBeans).
 */
final class MetricsEndpoint {

  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final GatewayMetrics metrics;
  private final BlockingExecutor blocking;

  MetricsEndpoint(GatewayMetrics metrics, BlockingExecutor blocking) {
    this.metrics = metrics;
    this.blocking = blocking;
  }

  void handle(Exchange exchange) {
    exchange.await(
        blocking.submit(metrics::scrape, exchange.ctx().executor()),
        scrape -> {
          if (scrape.isSuccess()) {
            exchange.respond(
                HttpResponses.text(HttpResponseStatus.OK, PROMETHEUS_TEXT, scrape.getNow()));
          } else {
            exchange.fail(ErrorCode.UNAVAILABLE, "metrics are temporarily unavailable");
          }
        });
  }
}
