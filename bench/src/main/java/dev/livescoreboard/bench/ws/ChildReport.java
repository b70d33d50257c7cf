package dev.livescoreboard.bench.ws;

import dev.livescoreboard.bench.http.Histograms;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Map;
import java.util.zip.DataFormatException;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;

/**
 * The lines a client process writes on stdout: {@code READY connected}, then after {@code STOP}
 * {@code HIST <base64 compressed HdrHistogram>}, one {@code SEQ seq committed sent first last
 * count} per update ({@link SeqStats}), {@code DISCONNECTS n} and {@code END}.
 */
final class ChildReport {

  private ChildReport() {}

  static void write(
      PrintStream out, AbstractHistogram propagation, Map<Long, long[]> seqs, long disconnects) {
    ByteBuffer buffer = ByteBuffer.allocate(propagation.getNeededByteBufferCapacity());
    int length = propagation.encodeIntoCompressedByteBuffer(buffer);
    out.println(
        "HIST "
            + Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length)));
    seqs.forEach(
        (seq, s) ->
            out.println(
                "SEQ " + seq + " " + s[0] + " " + s[1] + " " + s[2] + " " + s[3] + " " + s[4]));
    out.println("DISCONNECTS " + disconnects);
    out.println("END");
    out.flush();
  }

  static Histogram decodeHistogram(String base64) {
    try {
      Histogram h =
          Histogram.decodeFromCompressedByteBuffer(
              ByteBuffer.wrap(Base64.getDecoder().decode(base64)), 0);
      Histogram plain = Histograms.plain();
      plain.add(h);
      return plain;
    } catch (DataFormatException e) {
      throw new IllegalStateException("bad histogram from a client process", e);
    }
  }

  /**
   * Parses a {@code SEQ} line into the merged table (min first, max last, summed count; committed
   * and sent are the same in every process).
   */
  static void mergeSeqLine(String line, Map<Long, long[]> table) {
    String[] f = line.split(" ");
    long seq = Long.parseLong(f[1]);
    long[] s = new long[5];
    for (int i = 0; i < s.length; i++) {
      s[i] = Long.parseLong(f[i + 2]);
    }
    table.merge(seq, s, ChildReport::merge);
  }

  static long[] merge(long[] a, long[] b) {
    return new long[] {
      Math.min(a[0], b[0]),
      Math.max(a[1], b[1]),
      Math.min(a[2], b[2]),
      Math.max(a[3], b[3]),
      a[4] + b[4]
    };
  }
}
