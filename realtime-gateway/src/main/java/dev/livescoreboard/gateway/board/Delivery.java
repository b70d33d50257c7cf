package dev.livescoreboard.gateway.board;

import dev.livescoreboard.gateway.config.FanOutSwitches;
import io.micrometer.core.instrument.Counter;
import io.netty.channel.Channel;

/**
 * Writes one broadcast to the subscribers on one event loop, in one task on that loop: no task,
 * promise or future per channel ({@code voidPromise()}), all writes first, then one flush per
 * channel written. The fan-out switches ({@link FanOutSwitches}) are applied here and in {@link
 * FrameEncoding} only. Stateless; shared by all loops.
 */
final class Delivery {

  private final FrameEncoding frames;
  private final boolean flushEachWrite;
  private final boolean conflate;
  private final Counter delivered;
  private final Counter conflated;

  Delivery(FanOutSwitches switches, Counter delivered, Counter conflated) {
    this.frames = FrameEncoding.of(switches.sharedFrame());
    this.flushEachWrite = !switches.flushConsolidation();
    this.conflate = switches.conflation();
    this.delivered = delivered;
    this.conflated = conflated;
  }

  FrameEncoding frames() {
    return frames;
  }

  /** Sends {@code state} to those of {@code channels} that need it. Call on their event loop. */
  void deliver(String board, BoardState state, Channel[] channels) {
    Channel[] written = flushEachWrite ? null : new Channel[channels.length];
    int sent = 0;
    int skipped = 0;
    for (Channel channel : channels) {
      if (!channel.isActive()) {
        continue;
      }
      ChannelBoards boards = ChannelBoards.of(channel);
      if (conflate && !channel.isWritable()) {
        // Writability only changes on this loop, so the channel's writability-changed event
        // (which calls catchUp) is still to come: the owed update cannot be forgotten.
        skipped++;
        boards.markMissed(board);
        continue;
      }
      // Skips a channel whose SNAPSHOT (or a later broadcast) already carried this state or newer.
      if (!boards.offer(board, state)) {
        continue;
      }
      if (flushEachWrite) {
        channel.writeAndFlush(frames.update(state), channel.voidPromise());
      } else {
        channel.write(frames.update(state), channel.voidPromise());
        written[sent] = channel;
      }
      sent++;
    }
    if (!flushEachWrite) {
      for (int i = 0; i < sent; i++) {
        written[i].flush();
      }
    }
    delivered.increment(sent);
    conflated.increment(skipped);
  }

  /** Sends a channel that is writable again the latest state of each board it missed. Loop only. */
  void catchUp(Channel channel, BoardSnapshots snapshots) {
    ChannelBoards boards = ChannelBoards.of(channel);
    if (!channel.isActive() || !channel.isWritable() || !boards.hasMissed()) {
      return;
    }
    for (String board : boards.drainMissed()) {
      BoardState state = snapshots.current(board).orElse(null);
      if (state != null && boards.offer(board, state)) {
        channel.write(frames.update(state), channel.voidPromise());
      }
    }
    channel.flush();
  }
}
