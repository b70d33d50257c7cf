package dev.livescoreboard.command.problem;

import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * Request bodies are read strictly: besides unknown fields (application.yml), a value of the wrong
 * JSON type is refused instead of coerced, e.g. {@code "actionType": 123}, {@code "points": "10"}
 * or {@code "delta": 1.5} (which would silently lose its fraction), so bad input gets a 400 naming
 * the field.
 */
@Configuration
class StrictJsonConfig {

  /**
   * Puts the {@link ContentLengthJsonConverter} where Boot's JSON converter goes (its customizer
   * has order 0 and runs first), with the same mapper, so the same strict reading.
   */
  @Bean
  @Order(Ordered.LOWEST_PRECEDENCE)
  ServerHttpMessageConvertersCustomizer contentLengthJson(JsonMapper mapper) {
    return converters -> converters.withJsonConverter(new ContentLengthJsonConverter(mapper));
  }

  @Bean
  JsonMapperBuilderCustomizer strictCoercion() {
    return builder ->
        builder
            .withCoercionConfig(
                LogicalType.Textual,
                c ->
                    c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .withCoercionConfig(
                LogicalType.Integer,
                c ->
                    c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
            .withCoercionConfig(
                LogicalType.Boolean,
                c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail));
  }
}
