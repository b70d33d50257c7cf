package dev.livescoreboard.command.action;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the action token issuer and verifier from one parsed key set. */
@Configuration
class ActionTokenConfig {

  @Bean
  ActionTokenKeys actionTokenKeys(ActionTokenSettings settings) {
    return ActionTokenKeys.parse(settings.secrets());
  }

  @Bean
  ActionTokenIssuer actionTokenIssuer(
      ActionTokenKeys keys, ActionTokenSettings settings, Clock clock) {
    return new ActionTokenIssuer(keys, settings.ttl(), clock);
  }

  @Bean
  ActionTokenVerifier actionTokenVerifier(ActionTokenKeys keys, Clock clock) {
    return new ActionTokenVerifier(keys, clock);
  }
}
