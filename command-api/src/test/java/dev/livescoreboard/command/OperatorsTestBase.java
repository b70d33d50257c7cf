package dev.livescoreboard.command;

import dev.livescoreboard.testsupport.TestAuth;
import dev.livescoreboard.testsupport.UniqueNames;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.test.context.TestPropertySource;

/**
 * Integration tests of the operators' endpoints (adjustments, history, board as of an instant): the
 * real application with the catalog {@code operators-test-actions.yml}, whose one action scores on
 * boards {@code ops-a}..{@code ops-d}; a test creates its board through the admin API.
 */
@TestPropertySource(properties = "scoreboard.actions.file=classpath:operators-test-actions.yml")
public abstract class OperatorsTestBase extends CommandApiTestBase {

  /** The admin all requests of a test run as, so audit rows can be matched to them. */
  protected final String adminId = UniqueNames.of("admin");

  protected final String admin =
      TestAuth.shared().mint(adminId, "Admin", List.of("scoreboard:admin"));

  /** Creates (or redefines) {@code board} through the admin API. */
  protected void defineBoard(String board, long scoreCap, String resetSchedule) {
    Response response =
        put(
            "/api/v1/admin/boards/" + board,
            admin,
            Map.of(
                "title",
                "Board " + board,
                "scoreCap",
                scoreCap,
                "topN",
                10,
                "resetSchedule",
                resetSchedule));
    if (response.status() != 200 && response.status() != 201) {
      throw new IllegalStateException("defining the board failed: " + response);
    }
  }

  protected Response adjust(String user, String board, Object delta, String reason) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("board", board);
    body.put("delta", delta);
    body.put("reason", reason);
    return post("/api/v1/admin/users/" + user + "/adjustments", admin, body);
  }

  /** Completes one {@code COMPLETE_LEVEL} (10 points) of {@code user} on {@code board}. */
  protected Response completeOn(String user, String board) {
    String bearer = tokenFor(user);
    Response started =
        post("/api/v1/actions", bearer, Map.of("actionType", "COMPLETE_LEVEL", "board", board));
    if (started.status() != 201) {
      throw new IllegalStateException("start failed: " + started);
    }
    return complete(bearer, started.body().path("actionToken").asString());
  }

  /**
   * Score events, outbox rows, adjustment audit rows and scores of {@code user}, for "nothing
   * written".
   */
  protected String footprint(String user) {
    return count("SELECT count(*) FROM score_events WHERE user_id = ?", user)
        + "/"
        + count("SELECT count(*) FROM outbox WHERE aggregateid LIKE ?", "%:" + user)
        + "/"
        + count(
            "SELECT count(*) FROM admin_audit WHERE target = ? AND action = 'SCORE_ADJUSTED'",
            "user:" + user)
        + "/"
        + count("SELECT coalesce(sum(score), 0) FROM user_scores WHERE user_id = ?", user)
        + "/"
        + count("SELECT coalesce(sum(version), 0) FROM user_scores WHERE user_id = ?", user);
  }
}
