package dev.livescoreboard.command.outbox;

import java.time.Duration;
import org.springframework.context.SmartLifecycle;

/**
 * A Spring lifecycle that runs {@link #loop()} on one named daemon thread of its own: started with
 * the context, interrupted and joined (bounded) when it stops. Subclasses loop while {@link
 * #isRunning()}.
 */
abstract class DedicatedThread implements SmartLifecycle {

  private final String name;
  private final Duration joinTimeout;
  private volatile boolean running;
  private Thread thread;

  DedicatedThread(String name, Duration joinTimeout) {
    this.name = name;
    this.joinTimeout = joinTimeout;
  }

  /** The thread's work; returns when {@link #isRunning()} turns false or it is interrupted. */
  abstract void loop();

  @Override
  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    thread = new Thread(this::loop, name);
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public synchronized void stop() {
    running = false;
    if (thread != null) {
      thread.interrupt();
      try {
        thread.join(joinTimeout.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      thread = null;
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
