package dev.livescoreboard.command.erasure;

import dev.livescoreboard.command.user.User;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every place outside {@code users} where command-api keeps a user's personal data, and how an
 * erase removes it. A new column or table holding personal data adds its statement here.
 */
@Repository
public class PersonalData {

  private final JdbcClient jdbc;

  PersonalData(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Removes the personal data of {@code userId}, in the erase's transaction, leaving the score
   * events (pseudonymous: id, board, points, times) as they are.
   *
   * @return rows changed, for the audit
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public ErasedData forget(String userId) {
    // The client's free-form metadata of each complete: anything the client chose to send.
    int metadata =
        jdbc.sql(
                "UPDATE score_events SET metadata = NULL"
                    + " WHERE user_id = :user AND metadata IS NOT NULL")
            .param("user", userId)
            .update();
    // Stored responses of retried completes (they repeat what the complete returned).
    int responses =
        jdbc.sql("DELETE FROM idempotency_keys WHERE user_id = :user")
            .param("user", userId)
            .update();
    // Score events kept in the outbox (published ones until the purge, unpublished ones still to
    // go) carry the display name as it was: they now carry the erased name. The key of a score
    // event is {board}:{userId} and board ids have no ':'.
    int outbox =
        jdbc.sql(
                """
                UPDATE outbox
                SET payload = jsonb_set(payload::jsonb, '{displayName}', to_jsonb(CAST(:name AS text)))::text
                WHERE aggregatetype = 'score'
                  AND substr(aggregateid, strpos(aggregateid, ':') + 1) = :user
                  AND payload::jsonb -> 'displayName' IS NOT NULL
                """)
            .param("name", User.ERASED_NAME)
            .param("user", userId)
            .update();
    // Earlier renames name the user in their audit rows; who did what, when and why stays.
    int audit =
        jdbc.sql(
                "UPDATE admin_audit SET details = details - 'displayName'"
                    + " WHERE target = :target AND details -> 'displayName' IS NOT NULL")
            .param("target", "user:" + userId)
            .update();
    return new ErasedData(metadata, responses, outbox, audit);
  }

  /**
   * What an erase removed.
   *
   * @param metadata score events whose client metadata was cleared
   * @param storedResponses stored idempotent responses deleted
   * @param outboxRows outbox payloads whose display name was replaced
   * @param auditRows audit rows whose recorded display name was removed
   */
  public record ErasedData(int metadata, int storedResponses, int outboxRows, int auditRows) {}
}
