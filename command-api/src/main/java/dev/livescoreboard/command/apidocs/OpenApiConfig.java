package dev.livescoreboard.command.apidocs;

import dev.livescoreboard.command.auth.AuthenticatedUser;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;

/** The document's header and security scheme, and the customizer that documents every endpoint. */
@Configuration
class OpenApiConfig {

  static {
    // springdoc's documented way to adjust its type handling (process-wide, set once): the caller
    // comes from the access token, not from a request parameter; and metadata is a free-form JSON
    // object, not the Jackson 3 JsonNode API that would otherwise be introspected as a bean.
    SpringDocUtils.getConfig()
        .addRequestWrapperToIgnore(AuthenticatedUser.class)
        .replaceWithSchema(
            JsonNode.class,
            new ObjectSchema()
                .description(
                    "Free-form JSON object (at most 2 KB), stored with the event, not"
                        + " interpreted"));
  }

  @Bean
  OpenAPI scoreboardOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Live Scoreboard command API")
                .version("v1")
                .description(
                    "Write side: start and complete actions, admin provisioning. Every error is"
                        + " an RFC 9457 application/problem+json body with a stable code."))
        .components(
            new Components()
                .addSecuritySchemes(
                    EndpointDocsCustomizer.BEARER_AUTH,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")
                        .description(
                            "Access token (RS256/ES256) from the auth service; the user id is its"
                                + " sub")));
  }

  @Bean
  OpenApiCustomizer endpointDocsCustomizer() {
    return new EndpointDocsCustomizer();
  }
}
