package dev.livescoreboard.command.asof;

import dev.livescoreboard.command.board.Board;
import dev.livescoreboard.command.board.Boards;
import dev.livescoreboard.command.problem.ApiException;
import dev.livescoreboard.command.season.SeasonRollover;
import dev.livescoreboard.events.BoardDefined;
import dev.livescoreboard.events.ErrorCode;
import dev.livescoreboard.events.Seasons;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/admin/boards/{id}/as-of}: a board as it stood at a past instant ("who led when
 * the season ended?"), from the event log ({@code scoreboard:admin} is enforced by the auth
 * package).
 */
@RestController
class BoardAsOfController {

  private final Boards boards;
  private final BoardHistory history;
  private final SeasonRollover seasons;
  private final Clock clock;

  BoardAsOfController(Boards boards, BoardHistory history, SeasonRollover seasons, Clock clock) {
    this.boards = boards;
    this.history = history;
    this.seasons = seasons;
    this.clock = clock;
  }

  @Operation(summary = "The top of a board as it stood at instant `at`, from the event log")
  @GetMapping("/api/v1/admin/boards/{id}/as-of")
  BoardAsOf asOf(
      @PathVariable String id,
      @Parameter(description = "ISO-8601 instant, not in the future, e.g. 2026-11-30T23:59:59Z")
          @RequestParam(required = false)
          String at,
      @Parameter(description = "default: the season that was current at `at`")
          @RequestParam(required = false)
          String season,
      @Parameter(description = "1..100, default: the board's topN") @RequestParam(required = false)
          Integer limit) {
    Instant instant = parseAt(at);
    if (season != null && !Seasons.isValid(season)) {
      throw new ApiException(ErrorCode.VALIDATION_FAILED, "season: is not a season id");
    }
    if (limit != null && (limit < 1 || limit > BoardDefined.MAX_TOP_N)) {
      throw new ApiException(
          ErrorCode.VALIDATION_FAILED, "limit: must be 1.." + BoardDefined.MAX_TOP_N);
    }
    Board board = boards.require(id);
    String shown = season != null ? season : seasons.seasonAt(board, instant);
    BoardHistory.Standings standings =
        history.standingsAt(board.id(), shown, instant, limit != null ? limit : board.topN());
    return new BoardAsOf(board.id(), shown, instant, standings.entries(), standings.totalUsers());
  }

  private Instant parseAt(String at) {
    if (at == null) {
      throw new ApiException(ErrorCode.VALIDATION_FAILED, "at: is required (an ISO-8601 instant)");
    }
    Instant instant;
    try {
      // Stored times have microseconds; a finer instant would round up past what it names.
      instant = Instant.parse(at).truncatedTo(ChronoUnit.MICROS);
    } catch (DateTimeParseException e) {
      throw new ApiException(
          ErrorCode.VALIDATION_FAILED,
          "at: must be an ISO-8601 instant such as 2026-11-30T23:59:59Z");
    }
    if (instant.isAfter(clock.instant())) {
      throw new ApiException(ErrorCode.VALIDATION_FAILED, "at: must not be in the future");
    }
    return instant;
  }
}
