package dev.livescoreboard.gateway.registry;

import java.util.List;
import java.util.Optional;

/**
 * The projector's board registry in the read model. Every method blocks on the network: call only
 * from the blocking executor.
 */
public interface BoardCatalog {

  /** Every defined board. */
  List<BoardInfo> all();

  /** One board, if it is defined. */
  Optional<BoardInfo> find(String board);

  /** The seasons of {@code board} the projector recorded, newest first (by start, never string). */
  List<SeasonInfo> seasons(String board);
}
