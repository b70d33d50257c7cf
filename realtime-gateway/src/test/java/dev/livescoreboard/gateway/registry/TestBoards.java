package dev.livescoreboard.gateway.registry;

import dev.livescoreboard.events.BoardDefaults;
import dev.livescoreboard.events.Seasons;
import dev.livescoreboard.gateway.blocking.BlockingExecutor;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Registries for tests without Redis: the given boards, defined with the defaults, loaded. */
public final class TestBoards {

  private TestBoards() {}

  /** A loaded registry that knows exactly {@code boards}; lookups run in the calling thread. */
  public static BoardRegistry of(String... boards) {
    List<BoardInfo> infos =
        Arrays.stream(boards)
            .map(
                b ->
                    new BoardInfo(
                        b, "Title of " + b, BoardDefaults.TOP_N, Seasons.NEVER, Seasons.ALL_TIME))
            .toList();
    BoardRegistry registry =
        new BoardRegistry(
            new BoardCatalog() {
              @Override
              public List<BoardInfo> all() {
                return infos;
              }

              @Override
              public Optional<BoardInfo> find(String board) {
                return infos.stream().filter(i -> i.board().equals(board)).findFirst();
              }

              @Override
              public List<SeasonInfo> seasons(String board) {
                return List.of();
              }
            },
            new BlockingExecutor(Runnable::run));
    registry.refresh();
    return registry;
  }
}
