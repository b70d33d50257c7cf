package dev.livescoreboard.bench.ws;

/**
 * What the slow clients (subscribed, then not reading for the whole measured window) showed.
 *
 * @param requested slow clients asked for
 * @param connected slow clients that completed the handshake
 * @param paused slow clients that received their {@code SNAPSHOT} and then stopped reading
 * @param stayedConnected paused clients whose connection was still open when they resumed (after
 *     the measured window); the others were closed by the server meanwhile
 * @param caughtUp resumed clients that received the latest {@code seq} in time
 * @param framesAfterResume state frames all resumed clients read after resuming: what had queued up
 *     for them (socket buffers, and the gateway's queue when it does not conflate)
 * @param catchUpSumMicros resume → latest seq received, summed over the clients that caught up
 * @param catchUpMaxMicros the longest of those
 * @param latestSeq the seq they had to reach (the latest one any normal client saw)
 */
public record SlowClientResults(
    long requested,
    long connected,
    long paused,
    long stayedConnected,
    long caughtUp,
    long framesAfterResume,
    long catchUpSumMicros,
    long catchUpMaxMicros,
    long latestSeq) {

  static final String LINE = "SLOW";

  /** Nothing: no slow clients in a process. */
  static SlowClientResults none(long latestSeq) {
    return new SlowClientResults(0, 0, 0, 0, 0, 0, 0, 0, latestSeq);
  }

  /** The results of two processes together. */
  SlowClientResults plus(SlowClientResults o) {
    return new SlowClientResults(
        requested + o.requested,
        connected + o.connected,
        paused + o.paused,
        stayedConnected + o.stayedConnected,
        caughtUp + o.caughtUp,
        framesAfterResume + o.framesAfterResume,
        catchUpSumMicros + o.catchUpSumMicros,
        Math.max(catchUpMaxMicros, o.catchUpMaxMicros),
        Math.max(latestSeq, o.latestSeq));
  }

  /** Mean resume → latest seq over the clients that caught up (µs), 0 without any. */
  public double catchUpMeanMicros() {
    return caughtUp == 0 ? 0 : (double) catchUpSumMicros / caughtUp;
  }

  /** Mean frames read after resuming per resumed client. */
  public double framesPerClient() {
    return stayedConnected == 0 ? 0 : (double) framesAfterResume / stayedConnected;
  }

  /** The stdout line a client process reports them with. */
  String toLine() {
    return LINE
        + " "
        + requested
        + " "
        + connected
        + " "
        + paused
        + " "
        + stayedConnected
        + " "
        + caughtUp
        + " "
        + framesAfterResume
        + " "
        + catchUpSumMicros
        + " "
        + catchUpMaxMicros
        + " "
        + latestSeq;
  }

  static SlowClientResults parse(String line) {
    String[] f = line.split(" ");
    if (f.length != 10 || !f[0].equals(LINE)) {
      throw new IllegalArgumentException("not a " + LINE + " line: " + line);
    }
    long[] v = new long[9];
    for (int i = 0; i < v.length; i++) {
      v[i] = Long.parseLong(f[i + 1]);
    }
    return new SlowClientResults(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8]);
  }
}
