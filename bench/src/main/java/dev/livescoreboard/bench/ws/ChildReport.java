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
 * {@code HIST <base64 compressed HdrHistogram>}, one {@code SEQ seq committed first last count} per
 * update, {@code DISCONNECTS n} and {@code END}.
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
        (seq, s) -> out.println("SEQ " + seq + " " + s[0] + " " + s[1] + " " + s[2] + " " + s[3]));
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

  /** Parses a {@code SEQ} line into the merged table (min first, max last, summed count). */
  static void mergeSeqLine(String line, Map<Long, long[]> table) {
    String[] f = line.split(" ");
    long seq = Long.parseLong(f[1]);
    long[] s = {
      Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]), Long.parseLong(f[5])
    };
    table.merge(seq, s, ChildReport::merge);
  }

  static long[] merge(long[] a, long[] b) {
    return new long[] {
      Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), a[3] + b[3]
    };
  }
}
