package dev.livescoreboard.gateway.websocket;

import dev.livescoreboard.gateway.board.BoardFeed;
import dev.livescoreboard.gateway.board.ChannelBoards;
import io.netty.channel.Channel;

/** SUBSCRIBE and UNSUBSCRIBE of one connection, with its subscription limit. Event loop only. */
public final class Subscriptions {

  private final BoardFeed feed;
  private final int maxPerConnection;

  public Subscriptions(BoardFeed feed, int maxPerConnection) {
    this.feed = feed;
    this.maxPerConnection = maxPerConnection;
  }

  /** Subscribes to a valid board id; answers with a SNAPSHOT or an ERROR. */
  void subscribe(Channel channel, String board) {
    ChannelBoards boards = ChannelBoards.of(channel);
    if (!boards.isSubscribed(board) && boards.count() >= maxPerConnection) {
      channel.writeAndFlush(
          ServerMessages.error(
              MessageError.SUBSCRIPTION_LIMIT,
              "a connection may watch at most " + maxPerConnection + " boards"));
      return;
    }
    feed.subscribe(channel, board)
        .addListener(
            done -> {
              if (!done.isSuccess() && channel.isActive()) {
                channel.writeAndFlush(
                    ServerMessages.error(
                        MessageError.UNAVAILABLE,
                        "board " + board + " is temporarily unavailable; updates follow"));
              }
            });
  }

  void unsubscribe(Channel channel, String board) {
    feed.unsubscribe(channel, board);
  }

  /** Forgets a closed connection's subscriptions. */
  void closed(Channel channel) {
    feed.closed(channel);
  }

  /** Sends the latest state of boards the connection missed while it was slow. */
  void writable(Channel channel) {
    feed.writable(channel);
  }
}
