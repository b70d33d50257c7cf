package dev.livescoreboard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * deploy/prometheus: the alert rules pass {@code promtool check rules}, each alert fires on the
 * series it is about in {@code promtool test rules}, and the scrape configuration is valid. Whether
 * the metrics exist on the services is system-tests' job (they need the services running).
 */
class AlertRulesTest {

  private static final Tool PROMTOOL = new Tool("promtool", "prometheus");

  @Test
  void promtoolAcceptsTheRules() throws Exception {
    Tool.Result result =
        PROMTOOL
            .required()
            .run(Repo.DEPLOY.resolve("prometheus"), Map.of(), "check", "rules", "alerts.yml");

    assertThat(result.exitCode()).as(result.output()).isZero();
  }

  @Test
  void everyAlertFiresOnItsSeriesInPromtoolsUnitTests() throws Exception {
    Tool.Result result =
        PROMTOOL
            .required()
            .run(Repo.DEPLOY.resolve("prometheus"), Map.of(), "test", "rules", "alerts-test.yml");

    assertThat(result.exitCode()).as(result.output()).isZero();
  }

  @Test
  void promtoolAcceptsTheScrapeConfiguration() throws Exception {
    Tool.Result result =
        PROMTOOL
            .required()
            .run(Repo.DEPLOY.resolve("prometheus"), Map.of(), "check", "config", "prometheus.yml");

    assertThat(result.exitCode()).as(result.output()).isZero();
  }

  @Test
  void theRulesCoverTheIssuesAlertsAndEachIsUnitTested() {
    List<String> alerts = alertNames();
    String unitTests = Repo.read(Repo.DEPLOY.resolve("prometheus/alerts-test.yml"));

    assertThat(alerts)
        .contains(
            "OutboxLagHigh",
            "ConsumerLagHigh",
            "LeaderboardDrift",
            "DeadLettersWritten",
            "HighServerErrorRate");
    assertThat(alerts).allSatisfy(a -> assertThat(unitTests).contains("alertname: " + a));
  }

  private static List<String> alertNames() {
    Map<String, Object> doc = Repo.yaml(Repo.DEPLOY.resolve("prometheus/alerts.yml"));
    return ((List<?>) doc.get("groups"))
        .stream()
            .flatMap(g -> ((List<?>) ((Map<?, ?>) g).get("rules")).stream())
            .map(r -> String.valueOf(((Map<?, ?>) r).get("alert")))
            .toList();
  }
}
