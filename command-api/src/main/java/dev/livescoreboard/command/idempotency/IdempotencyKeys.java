package dev.livescoreboard.command.idempotency;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of {@code idempotency_keys}. Every method but {@link #purgeBatch} runs in the caller's
 * transaction.
 */
@Repository
class IdempotencyKeys {

  private final JdbcClient jdbc;

  IdempotencyKeys(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Claims {@code key} for this transaction, or returns what it already holds. The insert waits
   * while a concurrent transaction holds the same new key: when that one commits, its response is
   * returned here; when it rolls back, the claim succeeds. A row older than {@code expiredBefore}
   * counts as absent and is taken over.
   *
   * @return empty when claimed (the caller must then {@link #complete} it), else the stored row
   */
  Optional<StoredResponse> claim(
      String userId, String key, String requestHash, Instant now, Instant expiredBefore) {
    boolean claimed =
        jdbc.sql(
                """
                INSERT INTO idempotency_keys (user_id, key, request_hash, created_at)
                VALUES (:user, :key, :hash, :now)
                ON CONFLICT (user_id, key) DO UPDATE
                  SET request_hash = EXCLUDED.request_hash, status = NULL, response_body = NULL,
                      created_at = EXCLUDED.created_at
                  WHERE idempotency_keys.created_at < :expiredBefore
                RETURNING true
                """)
            .param("user", userId)
            .param("key", key)
            .param("hash", requestHash)
            .param("now", utc(now))
            .param("expiredBefore", utc(expiredBefore))
            .query(Boolean.class)
            .optional()
            .isPresent();
    if (claimed) {
      return Optional.empty();
    }
    return Optional.of(
        jdbc.sql(
                """
                SELECT request_hash, status, response_body FROM idempotency_keys
                WHERE user_id = :user AND key = :key
                """)
            .param("user", userId)
            .param("key", key)
            .query(
                (rs, n) ->
                    new StoredResponse(
                        rs.getString("request_hash"),
                        (Integer) rs.getObject("status"),
                        rs.getString("response_body")))
            .single());
  }

  /** Stores the response of a claimed key. */
  void complete(String userId, String key, int status, String body) {
    jdbc.sql(
            """
            UPDATE idempotency_keys SET status = :status, response_body = :body
            WHERE user_id = :user AND key = :key
            """)
        .param("status", status)
        .param("body", body)
        .param("user", userId)
        .param("key", key)
        .update();
  }

  /** Gives a claimed key up (the response is not stored). */
  void release(String userId, String key) {
    jdbc.sql("DELETE FROM idempotency_keys WHERE user_id = :user AND key = :key")
        .param("user", userId)
        .param("key", key)
        .update();
  }

  /** Deletes at most {@code limit} keys created before {@code before}, oldest first; how many. */
  int purgeBatch(Instant before, int limit) {
    return jdbc.sql(
            """
            WITH doomed AS MATERIALIZED (
              SELECT user_id, key FROM idempotency_keys WHERE created_at < :before
              ORDER BY created_at LIMIT :limit FOR UPDATE SKIP LOCKED)
            DELETE FROM idempotency_keys k USING doomed
            WHERE k.user_id = doomed.user_id AND k.key = doomed.key
            """)
        .param("before", utc(before))
        .param("limit", limit)
        .update();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
