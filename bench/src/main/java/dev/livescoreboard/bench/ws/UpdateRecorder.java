package dev.livescoreboard.bench.ws;

import dev.livescoreboard.bench.http.Histograms;
import dev.livescoreboard.bench.http.WallClock;
import io.netty.channel.Channel;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;

/**
 * Records, for every {@code LEADERBOARD_UPDATE} any client of this process receives, the
 * propagation latency (receipt − {@code sourceCommittedAt}) and the per-{@code seq} first and last
 * receipt. Reads only the top-level {@code type}, {@code seq} and {@code sourceCommittedAt} and
 * skips the rest of the frame. Only updates committed inside the measurement window count.
 */
final class UpdateRecorder implements FrameListener {

  private final ConcurrentHistogram propagation = Histograms.concurrent();
  private final ConcurrentHashMap<Long, SeqStats> seqs = new ConcurrentHashMap<>();
  private final LongAdder unparsable = new LongAdder();
  private volatile long fromMicros = Long.MAX_VALUE;
  private volatile long untilMicros = Long.MAX_VALUE;

  /** Counts updates committed in {@code [from, until]} (wall-clock epoch micros). */
  void window(long from, long until) {
    this.untilMicros = until;
    this.fromMicros = from;
  }

  @Override
  public void onText(Channel channel, byte[] json, long receivedMicros) {
    Optional<FrameHeader> header = FrameHeader.parse(json);
    if (header.isEmpty()) {
      unparsable.increment();
      return;
    }
    FrameHeader h = header.get();
    if (!FrameHeader.UPDATE.equals(h.type()) || h.sourceCommittedAt() == null || h.seq() < 0) {
      return;
    }
    long committedMicros = WallClock.micros(Instant.parse(h.sourceCommittedAt()));
    if (committedMicros < fromMicros || committedMicros > untilMicros) {
      return;
    }
    Histograms.record(propagation, receivedMicros - committedMicros);
    seqs.computeIfAbsent(h.seq(), s -> new SeqStats(committedMicros)).received(receivedMicros);
  }

  ConcurrentHistogram propagation() {
    return propagation;
  }

  /** seq → {@code committed first last count}. */
  Map<Long, long[]> seqTable() {
    Map<Long, long[]> table = new TreeMap<>();
    seqs.forEach((seq, stats) -> table.put(seq, stats.snapshot()));
    return table;
  }
}
