package dev.livescoreboard.command.system;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * A health indicator that answers within {@code timeout} whatever its dependency does: the wrapped
 * check runs on a thread of its own and, when it has not answered in time, the component is {@code
 * DOWN} ("no answer within …"). Spring Boot runs indicators on the request thread with no bound,
 * and a check of a hung dependency (PostgreSQL that accepts and never answers) would hold the
 * health request until the driver's own timeouts fire. At most one check of the dependency is in
 * flight: concurrent health requests, and those that come while a hung check is still waiting,
 * share it instead of piling up threads or connections.
 */
public final class BoundedHealthIndicator implements HealthIndicator, DisposableBean {

  private final HealthIndicator check;
  private final Duration timeout;
  private final ExecutorService executor;
  private CompletableFuture<Health> inFlight; // guarded by this

  /**
   * @param name names the check's thread ({@code health-<name>})
   */
  public BoundedHealthIndicator(String name, HealthIndicator check, Duration timeout) {
    this.check = check;
    this.timeout = timeout;
    this.executor =
        Executors.newSingleThreadExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "health-" + name);
              thread.setDaemon(true);
              return thread;
            });
  }

  @Override
  public Health health() {
    try {
      return current().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return Health.down().withDetail("error", "no answer within " + timeout).build();
    } catch (ExecutionException e) {
      return Health.down().withException(e.getCause()).build();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Health.unknown().build();
    }
  }

  /** The check in flight, or a new one when the last has answered. */
  private synchronized CompletableFuture<Health> current() {
    if (inFlight == null || inFlight.isDone()) {
      inFlight = CompletableFuture.supplyAsync(check::health, executor);
    }
    return inFlight;
  }

  @Override
  public void destroy() {
    executor.shutdownNow();
  }
}
