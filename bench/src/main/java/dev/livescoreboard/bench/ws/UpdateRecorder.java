package dev.livescoreboard.bench.ws;

import dev.livescoreboard.bench.http.Histograms;
import dev.livescoreboard.bench.http.WallClock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records, for every {@code LEADERBOARD_UPDATE} any client of this process receives, the
 * propagation latency (receipt − {@code sourceCommittedAt}) and the per-{@code seq} first and last
 * receipt. Reads only the top-level {@code type}, {@code seq} and {@code sourceCommittedAt} and
 * skips the rest of the frame. Only updates committed inside the measurement window count.
 */
final class UpdateRecorder implements FrameListener {

  private static final JsonMapper JSON = JsonMapper.builder().build();

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
  public void onText(byte[] json, long receivedMicros) {
    String type = null;
    long seq = -1;
    String committed = null;
    try (JsonParser p = JSON.createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return;
      }
      while (p.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        switch (name) {
          case "type" -> type = p.getString();
          case "seq" -> seq = p.getLongValue();
          case "sourceCommittedAt" -> committed = value == JsonToken.VALUE_STRING ? p.getString() : null;
          default -> p.skipChildren();
        }
      }
    } catch (RuntimeException e) {
      unparsable.increment();
      return;
    }
    if (!"LEADERBOARD_UPDATE".equals(type) || committed == null || seq < 0) {
      return;
    }
    long committedMicros = WallClock.micros(Instant.parse(committed));
    if (committedMicros < fromMicros || committedMicros > untilMicros) {
      return;
    }
    Histograms.record(propagation, receivedMicros - committedMicros);
    seqs.computeIfAbsent(seq, s -> new SeqStats(committedMicros)).received(receivedMicros);
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
