package dev.livescoreboard.command.system;

import javax.sql.DataSource;
import org.springframework.boot.jdbc.health.DataSourceHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code db} component of {@code /actuator/health}: Spring Boot's own check of the pool (a
 * connection, then {@code isValid}), bounded by {@link BoundedHealthIndicator}. Named {@code
 * dbHealthIndicator}, so Boot does not add its unbounded one.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseHealthConfiguration {

  @Bean
  BoundedHealthIndicator dbHealthIndicator(DataSource dataSource, HealthSettings settings) {
    return new BoundedHealthIndicator(
        "db", new DataSourceHealthIndicator(dataSource), settings.timeout());
  }
}
