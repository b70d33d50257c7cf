package dev.livescoreboard.bench.sse;

import dev.livescoreboard.bench.http.Histograms;
import dev.livescoreboard.bench.http.WallClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * N anonymous readers of one board's event stream, through the JDK's HTTP client (one connection
 * each, lines delivered asynchronously). Each parses every event fully: there are few of them, and
 * each one's {@link ReaderState} needs the entries.
 */
public final class SseReaders implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final int requested;
  private final ReceiptMatcher matcher = new ReceiptMatcher();
  private final ConcurrentHistogram propagation = Histograms.concurrent();
  private final LongAdder updates = new LongAdder();
  private final LongAdder ended = new LongAdder();
  private final LongAdder refused = new LongAdder();
  private final java.util.concurrent.atomic.AtomicReference<String> firstRefusal =
      new java.util.concurrent.atomic.AtomicReference<>("");
  private final AtomicInteger connected = new AtomicInteger();
  private final List<Flow.Subscription> streams = new CopyOnWriteArrayList<>();
  private volatile long fromMicros = Long.MAX_VALUE;
  private volatile long untilMicros = Long.MAX_VALUE;
  private volatile boolean closing;

  private SseReaders(int requested) {
    this.requested = requested;
  }

  /** Opens {@code count} streams of {@code streamUri}; returns once each got its snapshot. */
  public static SseReaders connect(URI streamUri, int count, Duration timeout)
      throws InterruptedException {
    SseReaders readers = new SseReaders(count);
    if (count <= 0) {
      return readers;
    }
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(15))
            .build();
    CountDownLatch snapshots = new CountDownLatch(count);
    HttpRequest request =
        HttpRequest.newBuilder(streamUri).header("Accept", "text/event-stream").GET().build();
    for (int i = 0; i < count; i++) {
      Reader reader = readers.new Reader(snapshots);
      http.sendAsync(
              request,
              info ->
                  info.statusCode() == 200
                      ? HttpResponse.BodySubscribers.fromLineSubscriber(reader)
                      : HttpResponse.BodySubscribers.replacing(null))
          .whenComplete(
              (response, error) -> {
                // A 200 stream ends through the subscriber; this only catches refusals.
                if (error != null || response.statusCode() != 200) {
                  readers.firstRefusal.compareAndSet(
                      "", error != null ? error.toString() : "HTTP " + response.statusCode());
                  reader.done();
                }
              });
    }
    snapshots.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    return readers;
  }

  public int connected() {
    return connected.get();
  }

  /** Counts update events committed in {@code [from, until]}; responses from {@code from}. */
  public void window(long from, long until) {
    this.untilMicros = until;
    this.fromMicros = from;
    matcher.measureFrom(from);
  }

  /** Feed of the action load: a complete answered with this user's new score. */
  public void responseReceived(String userId, long newScore, long micros) {
    if (requested > 0) {
      matcher.responseReceived(userId, newScore, micros);
    }
  }

  public SseResults results() {
    Histogram prop = Histograms.plain();
    prop.add(propagation);
    Histogram e2e = Histograms.plain();
    e2e.add(matcher.matched());
    return new SseResults(
        requested,
        connected.get(),
        refused.sum(),
        firstRefusal.get(),
        ended.sum(),
        updates.sum(),
        prop,
        e2e);
  }

  @Override
  public void close() {
    closing = true;
    streams.forEach(Flow.Subscription::cancel);
  }

  /** One stream: parses its lines and feeds the shared histograms. */
  private final class Reader implements Flow.Subscriber<String> {

    private final SseLineParser parser = new SseLineParser();
    private final ReaderState state = new ReaderState();
    private final CountDownLatch snapshots;
    private boolean snapshot;
    private boolean finished;

    Reader(CountDownLatch snapshots) {
      this.snapshots = snapshots;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      streams.add(subscription);
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(String line) {
      long micros = WallClock.micros();
      parser.line(line).ifPresent(event -> onEvent(event, micros));
    }

    private void onEvent(SseEvent event, long micros) {
      switch (event.event()) {
        case "snapshot" -> {
          state.snapshot(JSON.readTree(event.data()));
          if (!snapshot) {
            snapshot = true;
            connected.incrementAndGet();
            snapshots.countDown();
          }
        }
        case "update" -> {
          JsonNode message = JSON.readTree(event.data());
          state.update(message, (user, score) -> matcher.updateReceived(user, score, micros));
          String committed = message.path("sourceCommittedAt").asString("");
          if (!committed.isEmpty()) {
            long committedMicros = WallClock.micros(Instant.parse(committed));
            if (committedMicros >= fromMicros && committedMicros <= untilMicros) {
              updates.increment();
              Histograms.record(propagation, micros - committedMicros);
            }
          }
        }
        default -> {}
      }
    }

    @Override
    public void onError(Throwable throwable) {
      done();
    }

    @Override
    public void onComplete() {
      done();
    }

    /** The stream ended (or never started): counted once, unless the bench is closing it. */
    synchronized void done() {
      if (finished) {
        return;
      }
      finished = true;
      if (!snapshot) {
        refused.increment();
        snapshots.countDown();
      } else if (!closing) {
        ended.increment();
      }
    }
  }
}
