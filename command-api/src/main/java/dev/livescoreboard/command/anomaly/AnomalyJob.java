package dev.livescoreboard.command.anomaly;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs {@link AnomalyScan} every {@code scoreboard.anomaly.interval} on Spring's scheduler. */
@Component
class AnomalyJob {

  private static final Logger log = LoggerFactory.getLogger(AnomalyJob.class);

  private final AnomalyScan scan;

  AnomalyJob(AnomalyScan scan) {
    this.scan = scan;
  }

  @Scheduled(
      fixedDelayString = "${scoreboard.anomaly.interval}",
      initialDelayString = "${scoreboard.anomaly.interval}")
  void scan() {
    try {
      List<Flag> opened = scan.run();
      for (Flag flag : opened) {
        log.warn(
            "anomaly flag {}: user {} {} {}",
            flag.id(),
            flag.userId(),
            flag.reason(),
            flag.details());
      }
    } catch (DataAccessException e) {
      log.warn("anomaly scan failed, retrying next time: {}", e.toString());
    }
  }
}
