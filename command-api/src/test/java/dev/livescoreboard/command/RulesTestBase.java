package dev.livescoreboard.command;

import java.util.Map;
import org.springframework.test.context.TestPropertySource;

/**
 * Integration tests of the action rules, users and idempotency: the real application with the
 * small-limit catalog {@code rules-test-actions.yml} (one shared Spring context for all of them)
 * and a second board {@value #SIDE_BOARD}.
 */
@TestPropertySource(properties = "scoreboard.actions.file=classpath:rules-test-actions.yml")
public abstract class RulesTestBase extends CommandApiTestBase {

  protected static final String SIDE_BOARD = "side-quest";

  protected void createSideBoard() {
    jdbc.sql("INSERT INTO boards (id, title) VALUES (?, 'Side quest') ON CONFLICT (id) DO NOTHING")
        .param(SIDE_BOARD)
        .update();
  }

  /** Starts {@code actionType} on {@code board} and returns the response. */
  protected Response start(String bearer, String actionType, String board) {
    return post("/api/v1/actions", bearer, Map.of("actionType", actionType, "board", board));
  }

  /** Score events, outbox rows and idempotency keys of {@code user}, for "nothing written". */
  protected String footprint(String user) {
    return count("SELECT count(*) FROM score_events WHERE user_id = ?", user)
        + "/"
        + count("SELECT count(*) FROM outbox WHERE aggregateid LIKE ?", "%:" + user)
        + "/"
        + count("SELECT count(*) FROM idempotency_keys WHERE user_id = ?", user)
        + "/"
        + count("SELECT coalesce(sum(score), 0) FROM user_scores WHERE user_id = ?", user);
  }
}
