package dev.livescoreboard.system;

import dev.livescoreboard.infra.LocalStack;
import dev.livescoreboard.infra.StackSettings;
import dev.livescoreboard.testsupport.UniqueNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The one local stack every system test class of a run shares, as a parameter of type {@link
 * LocalStack} of any test or lifecycle method of a class extended with it: started by the first
 * class that asks for it, stopped when the whole run ends (JUnit closes it with the root store).
 * Starting the stack takes most of a system test's time, so no class starts a second one.
 *
 * <p>The action catalog is the production one, with the boards {@link #BOARDS} added to every
 * action, so tests can watch boards of their own, undisturbed by the others.
 */
final class SharedStack implements ParameterResolver {

  /** The board of the test of a board's size ({@code totalUsers}). */
  static final String SIZE_BOARD = "board-size";

  /** Boards the actions may also score on, for tests that need a board of their own. */
  static final List<String> BOARDS =
      Stream.concat(IntStream.rangeClosed(1, 20).mapToObj(i -> "page-" + i), Stream.of(SIZE_BOARD))
          .toList();

  /** The started stack, closed by JUnit at the end of the run. */
  private record Running(LocalStack stack) implements AutoCloseable {
    @Override
    public void close() {
      stack.close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == LocalStack.class;
  }

  /** The run's stack, started on first use. */
  @Override
  public LocalStack resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context
        .getRoot()
        .getStore(ExtensionContext.Namespace.create(SharedStack.class))
        .computeIfAbsent(Running.class, key -> start(), Running.class)
        .stack();
  }

  private static Running start() {
    String suffix = UniqueNames.of("sys").substring(4);
    Path home = Path.of("..").toAbsolutePath().normalize();
    Path data = Path.of(System.getProperty("java.io.tmpdir")).resolve("stack-" + suffix);
    Path catalog = writeCatalog(home, data);
    return new Running(
        LocalStack.start(
            StackSettings.forTests(home, data, suffix)
                .withServiceEnv(
                    "command-api", Map.of("SCOREBOARD_ACTIONS_FILE", catalog.toString()))
                // As in deploy/k8s and deploy/compose.yaml: the projector's liveness and
                // readiness groups, which its probes ask for (Boot turns them on by itself only
                // on Kubernetes).
                .withServiceEnv(
                    "leaderboard-projector",
                    Map.of("MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED", "true"))));
  }

  /** The production catalog, each action also allowed on {@link #BOARDS}. */
  private static Path writeCatalog(Path home, Path data) {
    Path source = home.resolve("command-api/src/main/resources/actions.yml");
    try {
      String boards = BOARDS.stream().collect(Collectors.joining(", ", ", ", "]"));
      String production = Files.readString(source);
      String widened = production.replace("boards: [global]", "boards: [global" + boards);
      if (widened.equals(production)) {
        throw new IllegalStateException(source + " no longer says 'boards: [global]'");
      }
      Files.createDirectories(data);
      return Files.writeString(data.resolve("actions.yml"), widened);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
