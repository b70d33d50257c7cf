package dev.livescoreboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import dev.livescoreboard.events.EventJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The gateway's logback.xml (on the test class path as in production) writes one JSON object per
 * line with the field names of Spring Boot's "logstash" structured format, which command-api and
 * the projector write, so one query finds a request or a trace in every service's logs.
 */
class LogShapeTest {

  @Test
  void aLineIsOneJsonObjectWithTheSpringLogstashFieldsAndTheRequestsIds() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger logger = context.getLogger("dev.livescoreboard.gateway.http.LeaderboardRoutes");
    OutputStreamAppender<ILoggingEvent> stdout =
        (OutputStreamAppender<ILoggingEvent>)
            context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDOUT");
    LoggingEvent event =
        new LoggingEvent(
            Logger.FQCN, logger, Level.WARN, "Board lookup failed: {}", null, new Object[] {"x"});
    event.setMDCPropertyMap(
        Map.of("requestId", "req-9", "traceId", "4bf92f3577b34da6a3ce929d0e0e4736"));

    String line = new String(stdout.getEncoder().encode(event), StandardCharsets.UTF_8);

    assertThat(line).endsWith("\n").doesNotContain("\n{");
    JsonNode json = EventJson.fromJson(line, JsonNode.class);
    List<String> fields = new ArrayList<>(json.propertyNames());
    assertThat(fields)
        .containsExactlyInAnyOrder(
            "@timestamp",
            "@version",
            "message",
            "logger_name",
            "thread_name",
            "level",
            "level_value",
            "requestId",
            "traceId");
    assertThat(json.path("message").asString()).isEqualTo("Board lookup failed: x");
    assertThat(json.path("level").asString()).isEqualTo("WARN");
    assertThat(json.path("requestId").asString()).isEqualTo("req-9");
    assertThat(json.path("traceId").asString()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(json.path("@timestamp").asString()).endsWith("Z");
  }
}
