package dev.livescoreboard.gateway.websocket;

import dev.livescoreboard.gateway.board.BoardFeed;
import dev.livescoreboard.gateway.board.ChannelBoards;
import dev.livescoreboard.gateway.registry.BoardInfo;
import dev.livescoreboard.gateway.registry.BoardRegistry;
import io.netty.channel.Channel;
import io.netty.util.concurrent.Future;
import java.util.Optional;

/** SUBSCRIBE and UNSUBSCRIBE of one connection, with its subscription limit. Event loop only. */
public final class Subscriptions {

  private final BoardFeed feed;
  private final BoardRegistry registry;
  private final int maxPerConnection;

  public Subscriptions(BoardFeed feed, BoardRegistry registry, int maxPerConnection) {
    this.feed = feed;
    this.registry = registry;
    this.maxPerConnection = maxPerConnection;
  }

  /**
   * Subscribes to a valid board id; answers with a SNAPSHOT, or an ERROR ({@code BOARD_NOT_FOUND}
   * for a board the registry does not know). The limit is checked once the board is known, on the
   * event loop and right before the subscription counts, so a burst cannot pass it.
   */
  void subscribe(Channel channel, String board) {
    registry
        .find(board, channel.eventLoop())
        .addListener(
            (Future<Optional<BoardInfo>> known) -> {
              if (!channel.isActive()) {
                return;
              }
              if (!known.isSuccess()) {
                channel.writeAndFlush(
                    ServerMessages.error(
                        MessageError.UNAVAILABLE,
                        "board " + board + " is temporarily unavailable"));
              } else if (known.getNow().isEmpty()) {
                channel.writeAndFlush(
                    ServerMessages.error(MessageError.BOARD_NOT_FOUND, "no board " + board));
              } else {
                join(channel, board);
              }
            });
  }

  private void join(Channel channel, String board) {
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
