package dev.livescoreboard.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livescoreboard.events.ErrorCode;
import dev.livescoreboard.gateway.metrics.GatewayMetrics;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ResponseMeterTest {

  private final GatewayMetrics metrics = new GatewayMetrics();
  private final EmbeddedChannel channel = new EmbeddedChannel(new ResponseMeter(metrics));

  @AfterEach
  void finish() {
    channel.finishAndReleaseAll();
    metrics.close();
  }

  @Test
  void responsesAreCountedByStatusAndProblemsByTheirCode() {
    channel.writeOutbound(HttpResponses.problem(ErrorCode.BOARD_NOT_FOUND, "no board x"));
    channel.writeOutbound(HttpResponses.problem(ErrorCode.BOARD_NOT_FOUND, "no board y"));
    channel.writeOutbound(HttpResponses.empty(HttpResponseStatus.NOT_MODIFIED));
    channel.writeOutbound(HttpResponses.empty(HttpResponseStatus.NOT_FOUND));

    assertThat(metrics.scrape())
        .contains("gateway_http_responses_total{code=\"BOARD_NOT_FOUND\",status=\"404\"} 2.0")
        .contains("gateway_http_responses_total{code=\"none\",status=\"304\"} 1.0")
        .contains("gateway_http_responses_total{code=\"none\",status=\"404\"} 1.0")
        // Every code is there from the start, so dashboards see zeros, not gaps.
        .contains("gateway_http_responses_total{code=\"UNAVAILABLE\",status=\"503\"} 0.0");
  }

  @Test
  void theFirstMessageThatIsNotHttpTakesTheMeterOut() {
    channel.writeOutbound(HttpResponses.empty(HttpResponseStatus.SWITCHING_PROTOCOLS));
    assertThat(channel.pipeline().get(ResponseMeter.class)).isNotNull();

    channel.writeOutbound(Unpooled.wrappedBuffer(new byte[] {1}));

    assertThat(channel.pipeline().get(ResponseMeter.class)).isNull();
    assertThat(metrics.scrape())
        .contains("gateway_http_responses_total{code=\"none\",status=\"101\"} 1.0");
  }
}
