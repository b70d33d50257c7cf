package dev.livescoreboard.infra;

import dev.livescoreboard.infra.audit.AuditCommand;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar infra/target/infra-local-stack.jar [--no-simulator] [--instances=N]}: starts the
 * whole system on loopback (N of each service) and runs until Ctrl-C, which stops everything it
 * started. {@code … audit [--projector=URL] [--auth=URL]} instead runs the consistency audit
 * against a running system ({@link AuditCommand}).
 */
public final class LocalStackMain {

  private LocalStackMain() {}

  public static void main(String[] args) throws InterruptedException {
    if (args.length > 0 && "audit".equals(args[0])) {
      List<String> rest = List.of(args).subList(1, args.length);
      System.exit(AuditCommand.run(rest, System.getenv(), System.out, System.err));
    }
    // The embedded brokers log at INFO by default; the stack's own progress is what matters here.
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "error");
    System.setProperty("org.slf4j.simpleLogger.log.kafka", "error");
    StackSettings settings = StackSettings.fromEnvironment(System.getenv(), args);
    System.out.println("Live Scoreboard: starting PostgreSQL, Redis, Kafka and the services");
    System.out.println("  data and logs: " + settings.dataDir());
    LocalStack stack = LocalStack.start(settings);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("\nStopping Live Scoreboard …");
                  stack.close();
                  System.out.println("Stopped.");
                  stopped.countDown();
                }));
    printBanner(stack);
    stopped.await();
  }

  /** With several instances: where each one is (the write API above is their balancer). */
  private static String instances(LocalStack stack) {
    if (stack.settings().instances() == 1) {
      return "";
    }
    return String.format(
        "%n  %d of each service%n    gateways      %s%n    command-apis  %s (behind the write"
            + " API's address)%n    projectors    %s",
        stack.settings().instances(),
        String.join("  ", stack.gatewayUrls()),
        String.join("  ", stack.commandApiUrls()),
        String.join("  ", stack.projectorUrls()));
  }

  private static void printBanner(LocalStack stack) {
    String player = DemoUsers.ids().get(0);
    String token = stack.auth().mint(player, DemoUsers.nameOf(player), List.of());
    System.out.printf(
        """

        Live Scoreboard is running.%n
          Live leaderboard  %s/
          Read API          %s/api/v1/leaderboards/global
          Write API         %s/api/v1/actions
          Projector health  %s/actuator/health
          Dev auth (JWKS)   %s
          Simulated players %s%s

          A token for %s (%s), valid 12 h:
          %s

          Try it:
            TOKEN=%s
            curl -s -X POST %s/api/v1/actions -H "Authorization: Bearer $TOKEN" \\
                 -H 'Content-Type: application/json' -d '{"actionType":"COMPLETE_LEVEL"}'

          Ctrl-C stops everything.
        """,
        stack.gatewayUrl(),
        stack.gatewayUrl(),
        stack.commandApiUrl(),
        stack.projectorUrl(),
        stack.auth().jwksUrl(),
        stack.settings().simulate() ? "on (--no-simulator turns them off)" : "off",
        instances(stack),
        player,
        DemoUsers.nameOf(player),
        token,
        token,
        stack.commandApiUrl());
  }
}
