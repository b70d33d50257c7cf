package dev.livescoreboard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Quantity;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.Profile;
import org.apache.maven.model.io.xpp3.MavenXpp3Reader;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The Jib configuration of the {@code image} profile (root pom) and what each service pom gives it,
 * read with Maven's own model reader: the images run as a non-root user, expose the port the
 * service listens on, label the path its probes use, and size the heap from the container.
 */
class ImageConfigurationTest {

  static final List<String> SERVICES = Repo.SERVICES;

  private static final String JIB = "com.google.cloud.tools:jib-maven-plugin";

  @Test
  void imagesRunAsANumericNonRootUser() throws Exception {
    String user = container().getChild("user").getValue();

    assertThat(user).matches("\\d+:\\d+");
    assertThat(Arrays.stream(user.split(":")).mapToInt(Integer::parseInt)).allMatch(id -> id > 0);
    // Kubernetes runs the pods as the same user (runAsNonRoot checks it is not 0).
    for (String service : SERVICES) {
      var context = Manifests.deployment(service).container().getSecurityContext();
      assertThat(context.getRunAsUser() + ":" + context.getRunAsGroup()).isEqualTo(user);
    }
  }

  @Test
  void theJvmSizesItsHeapFromTheContainerAndExitsOnOutOfMemory() throws Exception {
    List<String> flags =
        Arrays.stream(container().getChild("jvmFlags").getChildren())
            .map(Xpp3Dom::getValue)
            .toList();

    assertThat(flags).contains("-XX:+ExitOnOutOfMemoryError");
    assertThat(flags)
        .filteredOn(f -> f.startsWith("-XX:MaxRAMPercentage="))
        .singleElement()
        .satisfies(
            f ->
                assertThat(Double.parseDouble(f.substring(f.indexOf('=') + 1)))
                    .as("heap share of the memory limit; the rest is metaspace, threads, direct")
                    .isBetween(25.0, 75.0));
    assertThat(flags).noneMatch(f -> f.startsWith("-Xmx") || f.startsWith("-Xms"));
  }

  @Test
  void theProfileBuildsWithoutADockerDaemonAtThePinnedVersion() throws Exception {
    Plugin jib = jibOfRootProfile();

    assertThat(jib.getVersion()).isEqualTo("${jib-maven-plugin.version}");
    assertThat(pom(Repo.ROOT.resolve("pom.xml")).getProperties())
        .containsEntry("jib-maven-plugin.version", "3.5.2");
    // buildTar writes an OCI tarball; "dockerBuild" would need a daemon.
    assertThat(jib.getExecutions()).flatExtracting(e -> e.getGoals()).containsExactly("buildTar");
    assertThat(container().getChild("ports").getChild("port").getValue())
        .isEqualTo("${image.port}");
    assertThat(container().getChild("labels").getChild("dev.livescoreboard.health").getValue())
        .isEqualTo("${image.health}");
    assertThat(container().getChild("mainClass").getValue()).isEqualTo("${image.main-class}");
  }

  @Test
  void theGatewaysHeapAndDirectBuffersFitItsMemoryLimit() throws Exception {
    Plugin jib =
        pom(Repo.ROOT.resolve("realtime-gateway/pom.xml")).getProfiles().stream()
            .filter(p -> p.getId().equals("image"))
            .flatMap(p -> p.getBuild().getPlugins().stream())
            .filter(p -> p.getKey().equals(JIB))
            .findFirst()
            .orElseThrow();
    Xpp3Dom own = ((Xpp3Dom) jib.getConfiguration()).getChild("container").getChild("jvmFlags");
    // "append": the root's flags (heap share, exit on OOM) stay; without it they are replaced.
    assertThat(own.getAttribute("combine.children")).isEqualTo("append");
    String direct =
        Arrays.stream(own.getChildren())
            .map(Xpp3Dom::getValue)
            .filter(f -> f.startsWith("-XX:MaxDirectMemorySize="))
            .findFirst()
            .orElseThrow();
    long directBytes =
        Quantity.getAmountInBytes(
                new Quantity(direct.substring(direct.indexOf('=') + 1).replace("m", "Mi")))
            .longValue();
    long limit =
        Quantity.getAmountInBytes(
                Manifests.deployment("realtime-gateway")
                    .container()
                    .getResources()
                    .getLimits()
                    .get("memory"))
            .longValue();
    String maxRam =
        Arrays.stream(container().getChild("jvmFlags").getChildren())
            .map(Xpp3Dom::getValue)
            .filter(f -> f.startsWith("-XX:MaxRAMPercentage="))
            .findFirst()
            .orElseThrow();
    double heapShare = Double.parseDouble(maxRam.substring(maxRam.indexOf('=') + 1)) / 100;

    assertThat(limit * heapShare + directBytes).isLessThan(0.8 * limit);
  }

  @ParameterizedTest
  @FieldSource("SERVICES")
  void eachServiceBuildsItsImageWithItsOwnPortHealthPathAndMainClass(String service)
      throws Exception {
    Model model = pom(Repo.ROOT.resolve(service).resolve("pom.xml"));

    assertThat(model.getProfiles())
        .filteredOn(p -> p.getId().equals("image"))
        .singleElement()
        .satisfies(
            p -> assertThat(p.getBuild().getPlugins()).extracting(Plugin::getKey).contains(JIB));
    assertThat(Integer.parseInt(model.getProperties().getProperty("image.port")))
        .isEqualTo(Repo.defaultPort(service));
    assertThat(model.getProperties().getProperty("image.health"))
        .isEqualTo(Manifests.deployment(service).readinessPath());
    String mainClass = model.getProperties().getProperty("image.main-class");
    Path source =
        Repo.ROOT.resolve(service + "/src/main/java/" + mainClass.replace('.', '/') + ".java");
    assertThat(source).exists();
    assertThat(Repo.read(source)).contains("public static void main(String");
  }

  private static Xpp3Dom container() throws Exception {
    return ((Xpp3Dom) jibOfRootProfile().getConfiguration()).getChild("container");
  }

  private static Plugin jibOfRootProfile() throws Exception {
    Profile image =
        pom(Repo.ROOT.resolve("pom.xml")).getProfiles().stream()
            .filter(p -> p.getId().equals("image"))
            .findFirst()
            .orElseThrow();
    return image.getBuild().getPluginManagement().getPlugins().stream()
        .filter(p -> p.getKey().equals(JIB))
        .findFirst()
        .orElseThrow();
  }

  private static Model pom(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file)) {
      return new MavenXpp3Reader().read(reader);
    } catch (org.codehaus.plexus.util.xml.pull.XmlPullParserException e) {
      throw new IOException(e);
    }
  }
}
