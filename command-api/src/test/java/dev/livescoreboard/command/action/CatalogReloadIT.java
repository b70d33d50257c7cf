package dev.livescoreboard.command.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.livescoreboard.command.CommandApiTestBase;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class CatalogReloadIT extends CommandApiTestBase {

  private static final Path FILE = tempCatalog();

  @Autowired MeterRegistry meters;

  private static Path tempCatalog() {
    try {
      Path dir = Path.of(System.getProperty("java.io.tmpdir"));
      Files.createDirectories(dir);
      Path file = Files.createTempFile(dir, "actions-", ".yml");
      Files.writeString(file, catalog(10));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String catalog(int points) {
    return "actions:\n  - type: COMPLETE_LEVEL\n    points: " + points + "\n";
  }

  @DynamicPropertySource
  static void catalogFile(DynamicPropertyRegistry registry) {
    registry.add("scoreboard.actions.file", FILE::toString);
    registry.add("scoreboard.actions.reload-interval", () -> "100ms");
  }

  private int startedPoints(String bearer, String actionType) {
    Response started = post("/api/v1/actions", bearer, Map.of("actionType", actionType));
    return started.status() == 201 ? started.body().path("points").asInt() : -started.status();
  }

  private double reloads(String result) {
    return meters.get("scoreboard.actions.catalog.reloads").tag("result", result).counter().count();
  }

  @Test
  void editsApplyWithoutRestartAndAnInvalidEditKeepsTheRunningCatalog() throws IOException {
    String user = newUserId();
    provision(user);
    String bearer = tokenFor(user);
    assertThat(startedPoints(bearer, "COMPLETE_LEVEL")).isEqualTo(10);
    assertThat(startedPoints(bearer, "WIN_MATCH")).isEqualTo(-400);

    Files.writeString(FILE, catalog(15) + "  - type: WIN_MATCH\n    points: 25\n");

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> startedPoints(bearer, "COMPLETE_LEVEL") == 15);
    assertThat(startedPoints(bearer, "WIN_MATCH")).isEqualTo(25);
    Response completed = complete(bearer, startAction(bearer, "COMPLETE_LEVEL"));
    assertThat(completed.body().path("delta").asLong()).isEqualTo(15);

    double rejectedBefore = reloads("rejected");
    Files.writeString(FILE, catalog(500));

    await().atMost(Duration.ofSeconds(10)).until(() -> reloads("rejected") > rejectedBefore);
    assertThat(startedPoints(bearer, "COMPLETE_LEVEL")).isEqualTo(15);
    assertThat(startedPoints(bearer, "WIN_MATCH")).isEqualTo(25);
  }
}
