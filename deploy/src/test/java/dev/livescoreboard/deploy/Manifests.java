package dev.livescoreboard.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Every resource under deploy/k8s, parsed into fabric8's Kubernetes model classes. */
final class Manifests {

  static final Path DIR = Repo.DEPLOY.resolve("k8s");

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private static List<HasMetadata> parsed;

  private Manifests() {}

  /** The manifest files (the kustomization is kustomize's, not a Kubernetes resource). */
  static List<Path> files() {
    try (Stream<Path> paths = Files.list(DIR)) {
      return paths
          .filter(p -> p.getFileName().toString().endsWith(".yaml"))
          .filter(p -> !p.getFileName().toString().equals("kustomization.yaml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parsed once per test JVM: the files do not change during a run. */
  static synchronized List<HasMetadata> all() {
    if (parsed == null) {
      parsed = List.copyOf(parse());
    }
    return parsed;
  }

  private static List<HasMetadata> parse() {
    List<HasMetadata> resources = new ArrayList<>();
    for (Path file : files()) {
      for (String doc : Repo.read(file).split("(?m)^---\\s*$")) {
        if (!doc.replaceAll("(?m)^\\s*#.*$", "").isBlank()) {
          resources.add(SERIALIZATION.unmarshal(doc, HasMetadata.class));
        }
      }
    }
    return resources;
  }

  static <T extends HasMetadata> List<T> of(Class<T> kind) {
    return all().stream().filter(kind::isInstance).map(kind::cast).toList();
  }

  static List<Deployment> deployments() {
    return of(Deployment.class);
  }

  static List<Service> services() {
    return of(Service.class);
  }

  static List<PodDisruptionBudget> budgets() {
    return of(PodDisruptionBudget.class);
  }

  static List<ConfigMap> configMaps() {
    return of(ConfigMap.class);
  }

  /** The Deployment named {@code name}, with its one container. */
  static ServiceDeployment deployment(String name) {
    Deployment d =
        deployments().stream()
            .filter(x -> x.getMetadata().getName().equals(name))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no Deployment " + name + " in " + DIR));
    return new ServiceDeployment(d, d.getSpec().getTemplate().getSpec().getContainers().get(0));
  }

  record ServiceDeployment(Deployment deployment, Container container) {

    String readinessPath() {
      return container.getReadinessProbe().getHttpGet().getPath();
    }
  }
}
