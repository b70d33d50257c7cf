package dev.livescoreboard.gateway.blocking;

import io.netty.channel.Channel;
import io.netty.util.Attribute;
import io.netty.util.AttributeKey;

/**
 * The one way to stop a channel from reading for a while: each reason takes a hold, and the channel
 * reads again once the last hold is released. Reasons overlap (blocking work that answers a
 * request, a peer that does not take its answers), so none may switch reading back on under
 * another. Call on the channel's event loop only.
 */
public final class ReadHolds {

  private static final AttributeKey<int[]> HOLDS = AttributeKey.valueOf("gateway.read-holds");

  private ReadHolds() {}

  /** Stops reading until this hold, and every other, is released. */
  public static void hold(Channel channel) {
    int[] holds = holds(channel);
    if (holds[0]++ == 0) {
      channel.config().setAutoRead(false);
    }
  }

  /** Releases one {@link #hold}; the last one switches reading back on. */
  public static void release(Channel channel) {
    int[] holds = holds(channel);
    if (--holds[0] == 0) {
      channel.config().setAutoRead(true);
    }
  }

  private static int[] holds(Channel channel) {
    Attribute<int[]> attribute = channel.attr(HOLDS);
    int[] holds = attribute.get();
    if (holds == null) {
      holds = new int[1];
      attribute.set(holds);
    }
    return holds;
  }
}
