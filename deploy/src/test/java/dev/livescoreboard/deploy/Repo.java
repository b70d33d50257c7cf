package dev.livescoreboard.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The repository the tests check, and the services' own configuration as the services read it. */
final class Repo {

  /** The three deployable modules. */
  static final List<String> SERVICES =
      List.of("command-api", "leaderboard-projector", "realtime-gateway");

  /** The repository root (Surefire runs in the deploy module's directory). */
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  static final Path DEPLOY = ROOT.resolve("deploy");

  private static final Pattern SPRING_PORT = Pattern.compile("\\$\\{SERVER_PORT:(\\d+)}");
  private static final Pattern GATEWAY_PORT =
      Pattern.compile("int DEFAULT_PORT\\s*=\\s*(\\d+)\\s*;");

  private Repo() {}

  /**
   * The port a service listens on by default: {@code server.port} of a Spring service's
   * application.yml, the gateway's {@code GatewaySettings.DEFAULT_PORT}.
   */
  static int defaultPort(String service) {
    if (service.equals("realtime-gateway")) {
      return Integer.parseInt(
          find(
              GATEWAY_PORT,
              read(
                  ROOT.resolve(
                      "realtime-gateway/src/main/java/dev/livescoreboard/gateway/config/GatewaySettings.java"))));
    }
    Map<String, Object> yml = yaml(ROOT.resolve(service + "/src/main/resources/application.yml"));
    Object port = ((Map<?, ?>) yml.get("server")).get("port");
    return Integer.parseInt(find(SPRING_PORT, String.valueOf(port)));
  }

  /**
   * Whether a service reads the environment variable {@code name}: named in an application.yml or
   * the gateway's GatewaySettings, or Spring's relaxed binding of a property there.
   */
  static boolean someServiceReads(String name) {
    String sources =
        read(ROOT.resolve("command-api/src/main/resources/application.yml"))
            + read(ROOT.resolve("leaderboard-projector/src/main/resources/application.yml"))
            + read(
                ROOT.resolve(
                    "realtime-gateway/src/main/java/dev/livescoreboard/gateway/config/GatewaySettings.java"));
    if (sources.contains(name)) {
      return true;
    }
    return switch (name) {
      case "SCOREBOARD_HTTP_BEHINDTRUSTEDPROXY" -> sources.contains("behind-trusted-proxy:");
      case "MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED" -> true; // Spring Boot's own property
      default -> false;
    };
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, Object> yaml(Path file) {
    return new Yaml(new SafeConstructor(new LoaderOptions())).load(read(file));
  }

  private static String find(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    if (!m.find()) {
      throw new AssertionError("no " + pattern + " in " + text);
    }
    return m.group(1);
  }
}
