package dev.livescoreboard.projector;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The leaderboard projector: consumes {@code ScoreChanged} events from Kafka and maintains the
 * Redis read model (ranking, top-N snapshot, change notifications). Its HTTP port serves only
 * actuator health and metrics.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ProjectorApplication {

  public static void main(String[] args) {
    SpringApplication.run(ProjectorApplication.class, args);
  }
}
