package dev.livescoreboard.projector.postgres;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts {@link ProbingDataSource} in front of the pool Spring Boot configures. */
@Configuration(proxyBeanMethods = false)
class ProbingDataSourceConfiguration {

  @Bean
  static BeanPostProcessor probingDataSource() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof HikariDataSource pool ? new ProbingDataSource(pool) : bean;
      }
    };
  }
}
