package dev.livescoreboard.command.season;

import dev.livescoreboard.command.auditlog.AdminAuditLog;
import dev.livescoreboard.command.board.Board;
import dev.livescoreboard.command.outbox.Outbox;
import dev.livescoreboard.command.outbox.OutboxMessage;
import dev.livescoreboard.command.problem.ApiException;
import dev.livescoreboard.events.ErrorCode;
import dev.livescoreboard.events.EventJson;
import dev.livescoreboard.events.EventKeys;
import dev.livescoreboard.events.SeasonStarted;
import dev.livescoreboard.events.Seasons;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts seasons: the one place a board's current season changes, for the scheduled rollover, a
 * complete that arrives before it, and an operator's reset (see the package docs).
 */
@Service
public class SeasonRollover {

  static final String AGGREGATE_TYPE = "season";
  static final String RESET_ACTION = "BOARD_RESET";

  private final SeasonStore store;
  private final Outbox outbox;
  private final AdminAuditLog audit;
  private final Clock clock;

  SeasonRollover(SeasonStore store, Outbox outbox, AdminAuditLog audit, Clock clock) {
    this.store = store;
    this.outbox = outbox;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * The season a score committed at {@code now} on {@code board} goes to: the board's current
   * season, after starting the schedule's new one if its boundary has passed (the same rollover as
   * the job's, in the caller's transaction).
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public String currentSeason(Board board, Instant now) {
    String current = store.current(board.id()).orElse(null);
    if (isCurrent(board, current, now)) {
      return current;
    }
    return startDue(board.id(), now)
        .map(SeasonStarted::season)
        .orElseGet(() -> store.current(board.id()).orElseThrow());
  }

  /**
   * Whether {@code recorded}, the board's current season as read in the caller's transaction
   * ({@code null}: none yet), is the season a score committed at {@code now} goes to; if not,
   * {@link #currentSeason} starts the one that is due.
   */
  public boolean isCurrent(Board board, String recorded, Instant now) {
    return recorded != null && Seasons.scheduledAfter(recorded, board.seasonAt(now)).isEmpty();
  }

  /**
   * The season that was current on {@code board} at {@code at}: the newest one started by then, or
   * (before the board's first recorded season) the one its schedule gives.
   */
  public String seasonAt(Board board, Instant at) {
    return store.startedBy(board.id(), at).orElseGet(() -> board.seasonAt(at));
  }

  /** Starts the schedule's new season of {@code board} if its boundary has passed. */
  @Transactional
  public Optional<SeasonStarted> rollover(String board) {
    return startDue(board, now());
  }

  /**
   * Forces a new season of {@code board} now on behalf of admin {@code actor}, audited with {@code
   * reason} (may be {@code null}).
   *
   * @throws ApiException {@code BOARD_NOT_FOUND} for an unknown board
   */
  @Transactional
  public SeasonStarted reset(String board, String actor, String reason) {
    Instant now = now();
    String schedule = store.lockBoard(board).orElseThrow(() -> notFound(board));
    String current = store.current(board).orElse(null);
    String period = Seasons.current(schedule, now);
    String next = current == null ? period : Seasons.afterReset(current, period);
    SeasonStarted event = start(board, current, next, SeasonStarted.FORCED_RESET, now);
    Map<String, Object> details = new HashMap<>();
    details.put("event", event);
    if (reason != null) {
      details.put("reason", reason);
    }
    audit.record(actor, RESET_ACTION, "board:" + board, reason, details);
    return event;
  }

  private Optional<SeasonStarted> startDue(String board, Instant now) {
    String schedule = store.lockBoard(board).orElseThrow(() -> notFound(board));
    String current = store.current(board).orElse(null);
    return Seasons.scheduledAfter(current, Seasons.current(schedule, now))
        .map(next -> start(board, current, next, SeasonStarted.SCHEDULE, now));
  }

  private SeasonStarted start(
      String board, String current, String next, String reason, Instant now) {
    store.advance(board, current, next, reason, now);
    SeasonStarted event = SeasonStarted.of(UUID.randomUUID(), board, next, current, now, reason);
    outbox.append(
        new OutboxMessage(
            AGGREGATE_TYPE,
            EventKeys.boardEvent(board),
            SeasonStarted.TYPE,
            EventJson.toJson(event),
            null));
    return event;
  }

  private Instant now() {
    // PostgreSQL keeps microseconds; the event says what a later read would.
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private static ApiException notFound(String board) {
    return new ApiException(ErrorCode.BOARD_NOT_FOUND, "no board '" + board + "'");
  }
}
