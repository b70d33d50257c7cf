package dev.livescoreboard.command.apidocs;

import dev.livescoreboard.events.ErrorCode;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The RFC 9457 problem body as an OpenAPI schema. Built from {@link ErrorCode} rather than
 * annotations so that a new code is documented the moment it exists. The {@code code} enum is the
 * whole shared list, the gateway's codes included: it is one vocabulary across services, and each
 * operation's responses name the codes that operation can actually return.
 */
final class ProblemSchema {

  static final String NAME = "Problem";
  static final String REF = "#/components/schemas/" + NAME;
  static final String MEDIA_TYPE = "application/problem+json";

  private ProblemSchema() {}

  static Schema<Object> schema() {
    StringSchema code = new StringSchema();
    code.setEnum(Arrays.stream(ErrorCode.values()).map(ErrorCode::name).toList());
    code.description("Stable identifier for programs; the HTTP status follows from it.");
    Schema<Object> problem = new ObjectSchema();
    problem
        .description("RFC 9457 problem details, sent as " + MEDIA_TYPE + " for every error.")
        .required(List.of("type", "title", "status", "code", "requestId"))
        .addProperty("type", new StringSchema().format("uri").description("urn:problem:<code>"))
        .addProperty("title", new StringSchema().description("Summary of the kind of problem"))
        .addProperty("status", new IntegerSchema().description("The HTTP status"))
        .addProperty(
            "detail", new StringSchema().description("What went wrong here; names the field"))
        .addProperty("code", code)
        .addProperty(
            "requestId", new StringSchema().description("Also in the X-Request-Id header"));
    return problem;
  }

  /** An example body of {@code code}, as the problem handler would render it. */
  static Map<String, Object> example(ErrorCode code) {
    Map<String, Object> example = new LinkedHashMap<>();
    example.put("type", "urn:problem:" + code.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    example.put("title", code.title());
    example.put("status", code.status());
    example.put("detail", code.title());
    example.put("code", code.name());
    example.put("requestId", "3f1c9a2e-0b7d-4c55-9a57-0d6e1f2b8c41");
    return example;
  }
}
