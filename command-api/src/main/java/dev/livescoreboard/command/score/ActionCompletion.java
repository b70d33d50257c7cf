package dev.livescoreboard.command.score;

import dev.livescoreboard.command.action.ActionCatalog;
import dev.livescoreboard.command.action.ActionDefinition;
import dev.livescoreboard.command.action.ActionTokenClaims;
import dev.livescoreboard.command.action.ActionTokenVerifier;
import dev.livescoreboard.command.auth.AuthenticatedUser;
import dev.livescoreboard.command.board.Board;
import dev.livescoreboard.command.board.Boards;
import dev.livescoreboard.command.problem.ApiException;
import dev.livescoreboard.command.ratelimit.UserRateLimits;
import dev.livescoreboard.command.season.SeasonRollover;
import dev.livescoreboard.command.security.SecurityEvents;
import dev.livescoreboard.command.user.User;
import dev.livescoreboard.command.user.Users;
import dev.livescoreboard.events.ErrorCode;
import dev.livescoreboard.events.ScoreChanged;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Completes an action: checks the token (no database), then in one transaction locks and checks the
 * user, reads their score, refuses a used nonce, a full score, a too-fast complete, a used-up quota
 * or a complete over the user's rate limit, records the event, raises the score and appends the
 * outbox row. A refused complete writes nothing and leaves the token unused, so it may be completed
 * later while it has not expired.
 */
@Service
class ActionCompletion {

  /** A done complete and the {@code RateLimit-*} headers its response carries. */
  record Outcome(CompletedAction action, Map<String, String> rateLimitHeaders) {}

  private final ActionTokenVerifier tokens;
  private final ActionCatalog catalog;
  private final Boards boards;
  private final Users users;
  private final ScoreStore scores;
  private final ActionLimits limits;
  private final UserRateLimits rateLimits;
  private final SecurityEvents securityEvents;
  private final ScoreChangeWriter changes;
  private final SeasonRollover seasons;
  private final TransactionTemplate transactions;
  private final Clock clock;

  ActionCompletion(
      ActionTokenVerifier tokens,
      ActionCatalog catalog,
      Boards boards,
      Users users,
      ScoreStore scores,
      ActionLimits limits,
      UserRateLimits rateLimits,
      SecurityEvents securityEvents,
      ScoreChangeWriter changes,
      SeasonRollover seasons,
      TransactionTemplate transactions,
      Clock clock) {
    this.tokens = tokens;
    this.catalog = catalog;
    this.boards = boards;
    this.users = users;
    this.scores = scores;
    this.limits = limits;
    this.rateLimits = rateLimits;
    this.securityEvents = securityEvents;
    this.changes = changes;
    this.seasons = seasons;
    this.transactions = transactions;
    this.clock = clock;
  }

  Outcome complete(
      AuthenticatedUser caller, String actionToken, String metadataJson, String traceparent) {
    ActionTokenClaims token = tokens.verify(actionToken);
    if (!token.userId().equals(caller.userId())) {
      throw new ApiException(ErrorCode.FORBIDDEN, "the action token was issued to another user");
    }
    ActionDefinition action = catalog.require(token.actionType());
    Board board = boards.require(token.board());
    action.requireBoard(board.id());
    return transactions.execute(
        status -> commit(caller, token, action, board, metadataJson, traceparent));
  }

  private Outcome commit(
      AuthenticatedUser caller,
      ActionTokenClaims token,
      ActionDefinition action,
      Board board,
      String metadataJson,
      String traceparent) {
    // PostgreSQL keeps microseconds: the event carries exactly what is stored.
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    CompleteState state = lockAndRead(caller, token, action, board, now);
    if (state.user().isEmpty()) {
      // Registers the user (auto-registration) or refuses an unknown one.
      users.require(caller.userId(), caller.name());
      state = lockAndRead(caller, token, action, board, now);
    }
    User user = Users.scoring(state.user());
    if (!seasons.isCurrent(board, state.season(), now)) {
      // Past the schedule's boundary before the rollover job: start the new season here first.
      seasons.currentSeason(board, now);
      state = lockAndRead(caller, token, action, board, now);
    }
    String season = state.season();
    ScoreRecord current = state.score();
    boolean replayed = state.nonceUsed();
    if (current.score() >= board.scoreCap()) {
      throw replayed
          ? alreadyCompleted()
          : new ApiException(ErrorCode.SCORE_CAP_REACHED, "the score is at the board's cap");
    }
    // A replayed token stays a 409 even when its own complete used up the quota.
    limits
        .violation(user.id(), token, action, now, state.quota())
        .ifPresent(
            violation -> {
              if (replayed) {
                throw alreadyCompleted();
              }
              if (violation.code() == ErrorCode.QUOTA_EXCEEDED) {
                securityEvents.quotaExceeded(user.id(), violation.detail());
              }
              throw violation;
            });
    if (replayed) {
      throw alreadyCompleted();
    }
    // The last check (SPEC §4), so a complete refused above uses up no slot of the rate limit.
    Map<String, String> rateLimitHeaders = rateLimits.complete(user.id(), action.type());
    long newScore = Math.min(board.scoreCap(), current.score() + action.points());
    ScoreChanged event =
        ScoreChanged.forAction(
            UUID.randomUUID(),
            board.id(),
            season,
            user.id(),
            user.publicName(),
            action.type(),
            current.score(),
            newScore,
            current.version() + 1,
            now,
            now);
    if (!changes.write(event, token.nonce(), token.issuedAt(), metadataJson, traceparent)) {
      throw alreadyCompleted();
    }
    return new Outcome(
        new CompletedAction(
            event.eventId(),
            user.id(),
            board.id(),
            season,
            action.type(),
            event.delta(),
            event.previousScore(),
            event.newScore()),
        rateLimitHeaders);
  }

  private CompleteState lockAndRead(
      AuthenticatedUser caller,
      ActionTokenClaims token,
      ActionDefinition action,
      Board board,
      Instant now) {
    return scores.lockForComplete(
        board.id(),
        caller.userId(),
        token.nonce(),
        action.type(),
        ActionLimits.windows(action, now));
  }

  private static ApiException alreadyCompleted() {
    return new ApiException(
        ErrorCode.ACTION_ALREADY_COMPLETED, "this action token has already been used");
  }
}
