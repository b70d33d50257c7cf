package dev.livescoreboard.projector.rebuild;

import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Schedules the lost-board check (first run right at startup) and the reconciliation (first run one
 * interval after startup). Boot's scheduler has one thread, so they never overlap each other.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class RebuildScheduling implements SchedulingConfigurer {

  private final RebuildSettings rebuild;
  private final ReconciliationSettings reconciliation;
  private final RedisLossDetector detector;
  private final Reconciler reconciler;

  RebuildScheduling(
      RebuildSettings rebuild,
      ReconciliationSettings reconciliation,
      RedisLossDetector detector,
      Reconciler reconciler) {
    this.rebuild = rebuild;
    this.reconciliation = reconciliation;
    this.detector = detector;
    this.reconciler = reconciler;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    if (rebuild.autoDetect()) {
      registrar.addFixedDelayTask(
          new FixedDelayTask(detector::rebuildLostBoards, rebuild.checkInterval(), Duration.ZERO));
    }
    if (reconciliation.enabled()) {
      registrar.addFixedDelayTask(
          new FixedDelayTask(
              reconciler::reconcile, reconciliation.interval(), reconciliation.interval()));
    }
  }
}
