package dev.livescoreboard.gateway.http;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Netty's leak detector at {@code PARANOID} (every buffer tracked) while open, with the leaks it
 * reports collected from its log. The detector reports a buffer once the garbage collector has
 * found it unreleased, when a later buffer is allocated; {@link #reported()} provokes both.
 */
public final class NettyLeaks implements AutoCloseable {

  private final Logger logger =
      (Logger) LoggerFactory.getLogger(ResourceLeakDetector.class.getName());
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final ResourceLeakDetector.Level previous = ResourceLeakDetector.getLevel();

  public NettyLeaks() {
    appender.start();
    logger.addAppender(appender);
    ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
  }

  /** The leak reports so far, after a collection and an allocation to surface pending ones. */
  public List<String> reported() {
    for (int i = 0; i < 3; i++) {
      System.gc();
      ByteBufAllocator.DEFAULT.buffer(1).release();
    }
    synchronized (appender.list) {
      return appender.list.stream()
          .map(ILoggingEvent::getFormattedMessage)
          .filter(message -> message.contains("LEAK"))
          .toList();
    }
  }

  @Override
  public void close() {
    ResourceLeakDetector.setLevel(previous);
    logger.detachAppender(appender);
    appender.stop();
  }
}
