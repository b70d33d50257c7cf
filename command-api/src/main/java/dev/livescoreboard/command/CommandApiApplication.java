package dev.livescoreboard.command;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The write side of Live Scoreboard: starts and completes actions, commits score changes together
 * with an outbox row in one PostgreSQL transaction, and relays the outbox to Kafka.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class CommandApiApplication {

  public static void main(String[] args) {
    SpringApplication.run(CommandApiApplication.class, args);
  }

  /** One clock for the whole service, so tests and token checks agree on "now". */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
