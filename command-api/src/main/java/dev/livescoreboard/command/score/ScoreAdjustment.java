package dev.livescoreboard.command.score;

import dev.livescoreboard.command.auditlog.AdminAuditLog;
import dev.livescoreboard.command.board.Board;
import dev.livescoreboard.command.board.Boards;
import dev.livescoreboard.command.problem.ApiException;
import dev.livescoreboard.command.season.SeasonRollover;
import dev.livescoreboard.command.user.User;
import dev.livescoreboard.command.user.UserStatus;
import dev.livescoreboard.command.user.Users;
import dev.livescoreboard.events.ErrorCode;
import dev.livescoreboard.events.ScoreChanged;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An admin's adjustment of a user's score on a board's current season: in one transaction it locks
 * the user's row (as completes do), checks the user and the bounds, and writes the event, the
 * score, the outbox row ({@link ScoreChangeWriter}, the path of completes) and the audit row. A
 * refused adjustment writes nothing.
 */
@Service
class ScoreAdjustment {

  static final String AUDIT_ACTION = "SCORE_ADJUSTED";

  private final Boards boards;
  private final Users users;
  private final ScoreStore scores;
  private final ScoreChangeWriter changes;
  private final SeasonRollover seasons;
  private final AdminAuditLog audit;
  private final TransactionTemplate transactions;
  private final Clock clock;

  ScoreAdjustment(
      Boards boards,
      Users users,
      ScoreStore scores,
      ScoreChangeWriter changes,
      SeasonRollover seasons,
      AdminAuditLog audit,
      TransactionTemplate transactions,
      Clock clock) {
    this.boards = boards;
    this.users = users;
    this.scores = scores;
    this.changes = changes;
    this.seasons = seasons;
    this.audit = audit;
    this.transactions = transactions;
    this.clock = clock;
  }

  AdjustedScore adjust(
      String actor, String userId, AdjustScoreRequest request, String traceparent) {
    if (request.delta() == 0) {
      throw new ApiException(ErrorCode.VALIDATION_FAILED, "delta: must not be 0");
    }
    Board board = boards.require(request.board());
    requireAdjustable(userId);
    return transactions.execute(status -> commit(actor, userId, board, request, traceparent));
  }

  private AdjustedScore commit(
      String actor, String userId, Board board, AdjustScoreRequest request, String traceparent) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    // The season completes would use now (rolled over first if its boundary has passed).
    String season = seasons.currentSeason(board, now);
    // The user's row first, like every writer of scores (Users#LOCK_FOR_SCORE_CHANGE): the score
    // read below stays the latest, and a freeze or erase is either seen here or ordered after this
    // adjustment, never lost behind it.
    User user = adjustable(users.lockForChange(userId));
    ScoreRecord current = scores.current(board.id(), season, userId);
    long newScore = bounded(current.score(), request.delta(), board.scoreCap());
    ScoreChanged event =
        ScoreChanged.forAdjustment(
            UUID.randomUUID(),
            board.id(),
            season,
            user.id(),
            user.publicName(),
            request.reason(),
            current.score(),
            newScore,
            current.version() + 1,
            now,
            now);
    changes.write(event, null, null, null, traceparent);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("eventId", event.eventId().toString());
    details.put("board", board.id());
    details.put("season", season);
    details.put("delta", event.delta());
    details.put("previousScore", event.previousScore());
    details.put("newScore", event.newScore());
    audit.record(actor, AUDIT_ACTION, "user:" + user.id(), request.reason(), details);
    return new AdjustedScore(
        event.eventId(),
        user.id(),
        board.id(),
        season,
        event.delta(),
        event.previousScore(),
        event.newScore(),
        event.reason());
  }

  /** Admins adjust known users only: never registered here, and never a hidden one. */
  private User requireAdjustable(String userId) {
    return adjustable(users.find(userId));
  }

  private static User adjustable(Optional<User> found) {
    User user =
        found
            .filter(u -> u.status() != UserStatus.ERASED)
            .orElseThrow(() -> new ApiException(ErrorCode.USER_NOT_FOUND, "unknown user"));
    if (user.status() == UserStatus.FROZEN) {
      throw new ApiException(
          ErrorCode.USER_FROZEN, "this user is frozen: unfreeze them before adjusting their score");
    }
    return user;
  }

  /**
   * The score after the adjustment. A rise may not end above the cap; a fall may, when the cap was
   * lowered below the score, since it only brings the score closer to the cap.
   */
  private static long bounded(long score, long delta, long cap) {
    long result;
    try {
      result = Math.addExact(score, delta);
    } catch (ArithmeticException overflow) {
      result = delta > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
    }
    if (result < 0) {
      throw new ApiException(
          ErrorCode.SCORE_BELOW_ZERO,
          "the score is " + score + ": a delta of " + delta + " would take it below 0");
    }
    if (delta > 0 && result > cap) {
      throw new ApiException(
          ErrorCode.SCORE_CAP_REACHED,
          "the score is "
              + score
              + ": a delta of "
              + delta
              + " would take it above the cap "
              + cap);
    }
    return result;
  }
}
