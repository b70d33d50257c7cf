package dev.livescoreboard.bench.ws;

/** Receives every text frame of a client, on its event loop; must not block. */
interface FrameListener {

  /** @param receivedMicros wall-clock epoch micros when the frame was read */
  void onText(byte[] json, long receivedMicros);
}
