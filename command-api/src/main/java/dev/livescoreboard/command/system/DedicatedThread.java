package dev.livescoreboard.command.system;

import java.time.Duration;
import org.springframework.context.SmartLifecycle;

/**
 * A Spring lifecycle that runs {@link #loop()} on one named daemon thread of its own: started with
 * the context, interrupted and joined (bounded) when it stops. Subclasses loop while {@link
 * #isRunning()}. A loop blocked somewhere an interrupt does not reach (a socket read) is woken by
 * overriding {@link #wake()}.
 */
public abstract class DedicatedThread implements SmartLifecycle {

  private final String name;
  private final Duration joinTimeout;
  private volatile boolean running;
  private Thread thread;

  protected DedicatedThread(String name, Duration joinTimeout) {
    this.name = name;
    this.joinTimeout = joinTimeout;
  }

  /** The thread's work; returns when {@link #isRunning()} turns false or it is interrupted. */
  protected abstract void loop();

  /** Makes a blocked {@link #loop()} return; the default interrupts the thread. */
  protected void wake(Thread thread) {
    thread.interrupt();
  }

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
      wake(thread);
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
