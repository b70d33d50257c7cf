package dev.livescoreboard.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the files under {@code deploy/} expect of the running services: the metrics the alert rules
 * and the Grafana dashboard query, and the health paths the Kubernetes probes and the compose
 * healthchecks ask for. Read from the files themselves, so the check cannot drift from them.
 */
final class DeployFiles {

  /** One PromQL vector selector: a metric name and its equality label matchers. */
  record Selector(String metric, Map<String, String> labels) {

    @Override
    public String toString() {
      return labels.isEmpty() ? metric : metric + labels;
    }
  }

  /** One HTTP health check: the service (module name) and the path it asks for. */
  record Probe(String service, String path) {}

  private static final Pattern SELECTOR =
      Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*(\\{[^}]*})?");
  private static final Pattern MATCHER =
      Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
  // Label lists of grouping and vector matching: label names, not metrics.
  private static final Pattern LABEL_LISTS =
      Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
  private static final Set<String> KEYWORDS =
      Set.of(
          "and",
          "or",
          "unless",
          "bool",
          "offset",
          "by",
          "without",
          "on",
          "ignoring",
          "group_left",
          "group_right");
  private static final Pattern COMPOSE_HTTP_CHECK = Pattern.compile("GET (/\\S*) HTTP");

  private final Path dir;

  DeployFiles(Path dir) {
    this.dir = dir;
  }

  /** Every selector of every alert rule (prometheus/*.yml) and dashboard panel (grafana/*.json). */
  Set<Selector> metricSelectors() {
    Set<Selector> selectors = new LinkedHashSet<>();
    expressions().forEach(expr -> selectors.addAll(selectors(expr)));
    return selectors;
  }

  List<String> expressions() {
    List<String> exprs = new ArrayList<>();
    for (Path rules : files("prometheus", ".yml")) {
      if (rules.getFileName().toString().endsWith("-test.yml")) {
        continue; // promtool unit tests: input series, not queries
      }
      Map<String, Object> doc = yaml(rules);
      if (doc.get("groups") instanceof List<?> groups) {
        for (Object group : groups) {
          for (Object rule : (List<?>) ((Map<?, ?>) group).get("rules")) {
            exprs.add(String.valueOf(((Map<?, ?>) rule).get("expr")));
          }
        }
      }
    }
    JsonMapper json = JsonMapper.builder().build();
    for (Path dashboard : files("grafana", ".json")) {
      JsonNode root = json.readTree(dashboard.toFile());
      for (JsonNode panel : root.path("panels")) {
        for (JsonNode target : panel.path("targets")) {
          exprs.add(target.path("expr").asString());
        }
      }
    }
    return exprs;
  }

  /** The metric selectors of one PromQL expression (functions, keywords, label lists left out). */
  static List<Selector> selectors(String expr) {
    String s = expr.replaceAll("\\[[^]]*]", " ");
    s = LABEL_LISTS.matcher(s).replaceAll(" ");
    List<Selector> found = new ArrayList<>();
    Matcher m = SELECTOR.matcher(s);
    while (m.find()) {
      String name = m.group(1);
      int next = m.end();
      while (next < s.length() && Character.isWhitespace(s.charAt(next))) {
        next++;
      }
      boolean function = next < s.length() && s.charAt(next) == '(';
      boolean number = m.start() > 0 && Character.isDigit(s.charAt(m.start() - 1));
      if (function || number || KEYWORDS.contains(name)) {
        continue;
      }
      Map<String, String> labels = new LinkedHashMap<>();
      if (m.group(2) != null) {
        Matcher lm = MATCHER.matcher(m.group(2));
        while (lm.find()) {
          if (lm.group(2).equals("=")) {
            labels.put(lm.group(1), lm.group(3));
          }
        }
      }
      found.add(new Selector(name, labels));
    }
    return found;
  }

  /** The HTTP paths of every probe of every Kubernetes Deployment and compose healthcheck. */
  Set<Probe> healthChecks() {
    Set<Probe> probes = new LinkedHashSet<>();
    for (Path manifest : files("k8s", ".yaml")) {
      for (Object doc : yamlAll(manifest)) {
        Map<?, ?> resource = (Map<?, ?>) doc;
        if (!"Deployment".equals(resource.get("kind"))) {
          continue;
        }
        String service = (String) ((Map<?, ?>) resource.get("metadata")).get("name");
        Map<?, ?> pod = (Map<?, ?>) ((Map<?, ?>) resource.get("spec")).get("template");
        for (Object c : (List<?>) ((Map<?, ?>) pod.get("spec")).get("containers")) {
          for (String kind : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
            if (((Map<?, ?>) c).get(kind) instanceof Map<?, ?> probe
                && probe.get("httpGet") instanceof Map<?, ?> get) {
              probes.add(new Probe(service, (String) get.get("path")));
            }
          }
        }
      }
    }
    Map<String, Object> compose = yaml(dir.resolve("compose.yaml"));
    ((Map<?, ?>) compose.get("services"))
        .forEach(
            (name, service) -> {
              if (((Map<?, ?>) service).get("healthcheck") instanceof Map<?, ?> check) {
                Matcher m = COMPOSE_HTTP_CHECK.matcher(String.valueOf(check.get("test")));
                if (m.find() && !name.equals("proxy")) {
                  // command-api-1, command-api-2: two instances of the module command-api
                  probes.add(new Probe(((String) name).replaceFirst("-\\d+$", ""), m.group(1)));
                }
              }
            });
    return probes;
  }

  private List<Path> files(String sub, String suffix) {
    try (Stream<Path> paths = Files.list(dir.resolve(sub))) {
      return paths.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Object> yaml(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Object> yamlAll(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      List<Object> docs = new ArrayList<>();
      new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(in).forEach(docs::add);
      return docs;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
