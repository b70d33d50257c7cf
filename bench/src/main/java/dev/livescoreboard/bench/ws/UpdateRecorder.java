package dev.livescoreboard.bench.ws;

import dev.livescoreboard.bench.http.Histograms;
import dev.livescoreboard.bench.http.WallClock;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.util.concurrent.FastThreadLocal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;

/**
 * Records, for every {@code LEADERBOARD_UPDATE} any client of this process receives, the
 * propagation latency (receipt − {@code sourceCommittedAt}) and the per-{@code seq} send time and
 * first and last receipt. Only updates committed inside the measurement window count.
 *
 * <p>Cheap per frame, so that the fleet, not the server, is never what a broadcast waits for: every
 * client of an update receives the same bytes, so each event loop thread remembers its last few
 * distinct frames with what they were found to be. A frame equal to one of them (a byte comparison)
 * is counted without copying or parsing; only a new frame is copied and its header parsed.
 */
final class UpdateRecorder implements FrameListener {

  /** Frames remembered per thread: an update's receipts on one loop overlap the next's at most. */
  private static final int REMEMBERED = 4;

  private final ConcurrentHistogram propagation = Histograms.concurrent();
  private final ConcurrentHashMap<Long, SeqStats> seqs = new ConcurrentHashMap<>();
  private final LongAdder unparsable = new LongAdder();
  private volatile Window window = new Window(Long.MAX_VALUE, Long.MAX_VALUE);
  private final FastThreadLocal<Seen[]> recent =
      new FastThreadLocal<>() {
        @Override
        protected Seen[] initialValue() {
          return new Seen[REMEMBERED];
        }
      };

  /** Commit times (wall-clock epoch micros) of the updates that count. */
  private record Window(long fromMicros, long untilMicros) {}

  /**
   * A frame this thread has seen and what it is.
   *
   * @param stats its update's receipts, or {@code null} if it is not an update that counts
   */
  private record Seen(ByteBuf bytes, Window window, SeqStats stats) {

    boolean is(ByteBuf json, Window current) {
      int length = json.readableBytes();
      return window == current
          && bytes.readableBytes() == length
          && ByteBufUtil.equals(bytes, 0, json, json.readerIndex(), length);
    }
  }

  /** Counts updates committed in {@code [from, until]} (wall-clock epoch micros). */
  void window(long from, long until) {
    this.window = new Window(from, until);
  }

  @Override
  public void onText(Channel channel, ByteBuf json, long receivedMicros) {
    Window current = window;
    Seen[] seen = recent.get();
    SeqStats stats = null;
    boolean known = false;
    for (Seen s : seen) {
      if (s != null && s.is(json, current)) {
        stats = s.stats();
        known = true;
        break;
      }
    }
    if (!known) {
      stats = classify(json, current);
      System.arraycopy(seen, 0, seen, 1, seen.length - 1);
      seen[0] = new Seen(Unpooled.wrappedBuffer(ByteBufUtil.getBytes(json)), current, stats);
    }
    if (stats != null) {
      Histograms.record(propagation, receivedMicros - stats.committedMicros);
      stats.received(receivedMicros);
    }
  }

  /** The receipts of the update {@code json} carries, or {@code null} if it does not count. */
  private SeqStats classify(ByteBuf json, Window current) {
    Optional<FrameHeader> header = FrameHeader.parse(json);
    if (header.isEmpty()) {
      unparsable.increment();
      return null;
    }
    FrameHeader h = header.get();
    if (!FrameHeader.UPDATE.equals(h.type()) || h.sourceCommittedAt() == null || h.seq() < 0) {
      return null;
    }
    long committedMicros = WallClock.micros(Instant.parse(h.sourceCommittedAt()));
    if (committedMicros < current.fromMicros() || committedMicros > current.untilMicros()) {
      return null;
    }
    long sentMicros =
        h.sentAt() == null ? SeqStats.NOT_SENT : WallClock.micros(Instant.parse(h.sentAt()));
    return seqs.computeIfAbsent(h.seq(), s -> new SeqStats(committedMicros, sentMicros));
  }

  ConcurrentHistogram propagation() {
    return propagation;
  }

  /** seq → {@code committed sent first last count}. */
  Map<Long, long[]> seqTable() {
    Map<Long, long[]> table = new TreeMap<>();
    seqs.forEach((seq, stats) -> table.put(seq, stats.snapshot()));
    return table;
  }
}
