package dev.livescoreboard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * deploy/k8s, parsed with fabric8's Kubernetes model (the classes the Kubernetes Java clients use):
 * two replicas of each service, probes on the service's real port and health paths, a
 * PodDisruptionBudget and a Service selecting each Deployment's pods, requests and limits on every
 * container, non-root containers, and secrets only from Secret references.
 */
class KubernetesManifestsTest {

  static final List<String> SERVICES = Repo.SERVICES;

  /** Environment variables that carry credentials (the Redis URL has the password in it). */
  private static final Pattern SECRET_VAR = Pattern.compile(".*(PASSWORD|SECRET|REDIS_URL).*");

  @Test
  void everyFileIsInTheKustomizationAndParsesIntoKnownKinds() {
    List<?> listed =
        (List<?>) Repo.yaml(Manifests.DIR.resolve("kustomization.yaml")).get("resources");

    assertThat(Manifests.files())
        .extracting(p -> p.getFileName().toString())
        .containsExactlyInAnyOrderElementsOf(listed.stream().map(String::valueOf).toList());
    assertThat(Manifests.all())
        .extracting(HasMetadata::getKind)
        .containsOnly("ConfigMap", "Deployment", "Service", "PodDisruptionBudget");
    assertThat(Manifests.deployments())
        .extracting(d -> d.getMetadata().getName())
        .containsExactlyInAnyOrderElementsOf(SERVICES);
  }

  @ParameterizedTest
  @FieldSource("SERVICES")
  void twoReplicasWhosePodsTheirSelectorSelects(String service) {
    Deployment d = Manifests.deployment(service).deployment();

    assertThat(d.getSpec().getReplicas()).isEqualTo(2);
    assertThat(d.getSpec().getTemplate().getMetadata().getLabels())
        .containsAllEntriesOf(d.getSpec().getSelector().getMatchLabels());
    // Unknown fields (a typo such as "readinesProbe") land here instead of failing the parse.
    PodSpec pod = d.getSpec().getTemplate().getSpec();
    assertThat(pod.getAdditionalProperties()).isEmpty();
    assertThat(pod.getContainers()).hasSize(1);
    assertThat(pod.getContainers().get(0).getAdditionalProperties()).isEmpty();
  }

  @ParameterizedTest
  @FieldSource("SERVICES")
  void probesAskTheServicesOwnPortForItsHealthPaths(String service) {
    Container c = Manifests.deployment(service).container();
    ContainerPort http =
        c.getPorts().stream().filter(p -> "http".equals(p.getName())).findFirst().orElseThrow();

    assertThat(http.getContainerPort()).isEqualTo(Repo.defaultPort(service));
    for (Probe probe : List.of(c.getReadinessProbe(), c.getLivenessProbe(), c.getStartupProbe())) {
      assertThat(probe.getAdditionalProperties()).isEmpty();
      assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
    }
    // The paths themselves are asked of the running services by system-tests
    // (LiveScoreboardSystemIT); here: the probes that must not depend on dependencies do not.
    if (service.equals("realtime-gateway")) {
      assertThat(c.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/health");
      assertThat(c.getLivenessProbe().getHttpGet().getPath()).isNotEqualTo("/health");
    } else {
      assertThat(c.getReadinessProbe().getHttpGet().getPath())
          .isEqualTo("/actuator/health/readiness");
      assertThat(c.getLivenessProbe().getHttpGet().getPath())
          .isEqualTo("/actuator/health/liveness");
      assertThat(configValue("MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED")).isEqualTo("true");
    }
  }

  @ParameterizedTest
  @FieldSource("SERVICES")
  void aDisruptionBudgetAndAServiceSelectTheDeploymentsPods(String service) {
    Deployment d = Manifests.deployment(service).deployment();
    Map<String, String> podLabels = d.getSpec().getTemplate().getMetadata().getLabels();

    List<PodDisruptionBudget> budgets =
        Manifests.budgets().stream()
            .filter(
                b ->
                    podLabels
                        .entrySet()
                        .containsAll(b.getSpec().getSelector().getMatchLabels().entrySet()))
            .toList();
    assertThat(budgets).hasSize(1);
    PodDisruptionBudget budget = budgets.get(0);
    // One of the two may be drained at a time, never both.
    assertThat(budget.getSpec().getMinAvailable().getIntVal())
        .isBetween(1, d.getSpec().getReplicas() - 1);

    List<Service> services =
        Manifests.services().stream()
            .filter(s -> podLabels.entrySet().containsAll(s.getSpec().getSelector().entrySet()))
            .toList();
    assertThat(services).hasSize(1);
    assertThat(services.get(0).getSpec().getPorts())
        .singleElement()
        .satisfies(p -> assertThat(p.getTargetPort().getStrVal()).isEqualTo("http"));
  }

  @ParameterizedTest
  @FieldSource("SERVICES")
  void everyContainerHasRequestsWithinItsLimits(String service) {
    Container c = Manifests.deployment(service).container();
    Map<String, Quantity> requests = c.getResources().getRequests();
    Map<String, Quantity> limits = c.getResources().getLimits();

    for (String resource : List.of("cpu", "memory")) {
      assertThat(requests).containsKey(resource);
      assertThat(limits).containsKey(resource);
      assertThat(Quantity.getAmountInBytes(requests.get(resource)))
          .isLessThanOrEqualTo(Quantity.getAmountInBytes(limits.get(resource)));
    }
    // The gateway's SPEC bound (RSS <= 512 MB with 15,000 clients) is its limit.
    if (service.equals("realtime-gateway")) {
      assertThat(Quantity.getAmountInBytes(limits.get("memory")).longValue())
          .isLessThanOrEqualTo(512L * 1024 * 1024);
    }
  }

  @ParameterizedTest
  @FieldSource("SERVICES")
  void containersRunAsNonRootWithoutPrivileges(String service) {
    Deployment d = Manifests.deployment(service).deployment();
    Container c = Manifests.deployment(service).container();

    assertThat(d.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(c.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(c.getSecurityContext().getRunAsUser()).isPositive();
    assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
    assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(c.getSecurityContext().getCapabilities().getDrop()).contains("ALL");
  }

  @ParameterizedTest
  @FieldSource("SERVICES")
  void secretsComeFromSecretReferencesAndConfigFromTheConfigMap(String service) {
    Container c = Manifests.deployment(service).container();

    assertThat(c.getEnvFrom())
        .anySatisfy(e -> assertThat(e.getConfigMapRef().getName()).isEqualTo("scoreboard-config"));
    List<EnvVar> secrets =
        c.getEnv().stream().filter(e -> SECRET_VAR.matcher(e.getName()).matches()).toList();
    assertThat(secrets).isNotEmpty();
    assertThat(secrets)
        .allSatisfy(
            e -> {
              assertThat(e.getValue()).as(e.getName()).isNull();
              assertThat(e.getValueFrom().getSecretKeyRef().getName())
                  .isEqualTo("scoreboard-secrets");
              assertThat(e.getValueFrom().getSecretKeyRef().getKey()).isNotBlank();
            });
  }

  @Test
  void everyVariableTheManifestsSetIsOneAServiceReads() {
    // A misspelt variable would be ignored by the service and silently fall back to a default.
    List<String> names = new java.util.ArrayList<>();
    Manifests.configMaps().forEach(map -> names.addAll(map.getData().keySet()));
    SERVICES.forEach(
        s -> Manifests.deployment(s).container().getEnv().forEach(e -> names.add(e.getName())));

    assertThat(names).hasSizeGreaterThan(10);
    assertThat(names.stream().filter(n -> !Repo.someServiceReads(n)).toList()).isEmpty();
  }

  @Test
  void theConfigMapHoldsNoSecrets() {
    assertThat(Manifests.configMaps()).isNotEmpty();
    for (ConfigMap map : Manifests.configMaps()) {
      assertThat(map.getData().keySet()).noneMatch(k -> SECRET_VAR.matcher(k).matches());
    }
  }

  private static String configValue(String key) {
    return Manifests.configMaps().stream()
        .map(m -> m.getData().get(key))
        .filter(v -> v != null)
        .findFirst()
        .orElse(null);
  }
}
