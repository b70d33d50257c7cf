package dev.livescoreboard.gateway.board;

import io.micrometer.core.instrument.Counter;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;

/**
 * Writes one broadcast to the subscribers on one event loop, in one task on that loop: no task,
 * promise or future per channel ({@code voidPromise()}), all writes first, then one flush per
 * channel written. What is written is a duplicate of the state's message pre-encoded for the
 * channel's transport: its update, or its {@code SNAPSHOT} when the state opens a new season.
 * Stateless; shared by all loops.
 */
final class Delivery {

  private final Counter delivered;
  private final Counter conflated;

  Delivery(Counter delivered, Counter conflated) {
    this.delivered = delivered;
    this.conflated = conflated;
  }

  /**
   * Sends {@code state} to those of {@code channels} that need it; {@code cursors[i]} is what
   * {@code channels[i]} was sent of the board. Call on their event loop.
   */
  void deliver(String board, BoardState state, Channel[] channels, BoardCursor[] cursors) {
    Channel[] written = new Channel[channels.length];
    int sent = 0;
    int skipped = 0;
    for (int i = 0; i < channels.length; i++) {
      Channel channel = channels[i];
      if (!channel.isActive()) {
        continue;
      }
      if (!channel.isWritable()) {
        // Writability only changes on this loop, so the channel's writability-changed event
        // (which calls catchUp) is still to come: the owed update cannot be forgotten.
        skipped++;
        ChannelBoards.of(channel).markMissed(board);
        continue;
      }
      // Skips a channel whose SNAPSHOT (or a later broadcast) already carried this state or newer.
      ByteBuf wire = cursors[i].wireFor(state);
      if (wire == null) {
        continue;
      }
      channel.write(wire, channel.voidPromise());
      written[sent++] = channel;
    }
    for (int i = 0; i < sent; i++) {
      written[i].flush();
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
      ByteBuf wire = state == null ? null : boards.wireFor(board, state);
      if (wire != null) {
        channel.write(wire, channel.voidPromise());
      }
    }
    channel.flush();
  }
}
