package dev.livescoreboard.command.idempotency;

import dev.livescoreboard.command.problem.ApiException;
import dev.livescoreboard.events.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a write request at most once per {@code Idempotency-Key} and user. The key is claimed, the
 * work done and its 2xx response stored in ONE transaction, which the work's own transaction joins:
 * a crash leaves both the effect and the key, or neither. A retry with the same key and request
 * gets the stored response (header {@code Idempotent-Replayed: true}) and writes nothing; the same
 * key with another request is refused ({@code 422 IDEMPOTENCY_KEY_REUSED}); a concurrent request
 * with the same new key waits for the first to finish, then replays it (or runs, if the first
 * failed). Error responses are not stored: retrying a refused request runs it again.
 */
@Service
public class Idempotency {

  /** The request header. */
  public static final String HEADER = "Idempotency-Key";

  /** Set on replayed responses. */
  public static final String REPLAYED_HEADER = "Idempotent-Replayed";

  static final int MAX_KEY_LENGTH = 255;

  private final IdempotencyKeys keys;
  private final IdempotencySettings settings;
  private final TransactionTemplate transactions;
  private final JsonMapper json;
  private final Clock clock;

  Idempotency(
      IdempotencyKeys keys,
      IdempotencySettings settings,
      TransactionTemplate transactions,
      JsonMapper json,
      Clock clock) {
    this.keys = keys;
    this.settings = settings;
    this.transactions = transactions;
    this.json = json;
    this.clock = clock;
  }

  /**
   * Runs {@code work} unless {@code key} already ran it.
   *
   * @param userId the caller; keys are per user
   * @param key the {@code Idempotency-Key} header, {@code null} to just run {@code work}
   * @param request everything that identifies the request (method, path, body fields); a retry must
   *     give the same text
   * @param bodyType the response body type, to read a stored body back
   * @param work the request's effect; throws {@link ApiException} to refuse (nothing is stored)
   */
  public <T> ResponseEntity<T> execute(
      String userId,
      String key,
      String request,
      Class<T> bodyType,
      Supplier<ResponseEntity<T>> work) {
    if (key == null) {
      return work.get();
    }
    requireValid(key);
    String hash = sha256(request);
    return transactions.execute(
        status -> {
          Instant now = clock.instant();
          Optional<StoredResponse> stored =
              keys.claim(userId, key, hash, now, now.minus(settings.ttl()));
          if (stored.isPresent()) {
            return replay(stored.get(), hash, bodyType);
          }
          ResponseEntity<T> response = work.get();
          if (response.getStatusCode().is2xxSuccessful()) {
            keys.complete(
                userId,
                key,
                response.getStatusCode().value(),
                json.writeValueAsString(response.getBody()));
          } else {
            keys.release(userId, key);
          }
          return response;
        });
  }

  private <T> ResponseEntity<T> replay(StoredResponse stored, String hash, Class<T> bodyType) {
    if (!stored.requestHash().equals(hash)) {
      throw new ApiException(
          ErrorCode.IDEMPOTENCY_KEY_REUSED,
          "this Idempotency-Key was already used with a different request");
    }
    return ResponseEntity.status(stored.status())
        .header(REPLAYED_HEADER, "true")
        .body(json.readValue(stored.body(), bodyType));
  }

  /**
   * Checks the key's form: 1–255 printable ASCII characters.
   *
   * @throws ApiException {@code VALIDATION_FAILED} otherwise
   */
  static void requireValid(String key) {
    boolean valid = !key.isBlank() && key.length() <= MAX_KEY_LENGTH;
    for (int i = 0; valid && i < key.length(); i++) {
      char c = key.charAt(i);
      valid = c >= 0x20 && c <= 0x7e;
    }
    if (!valid) {
      throw new ApiException(
          ErrorCode.VALIDATION_FAILED,
          HEADER + ": must be 1-" + MAX_KEY_LENGTH + " printable ASCII characters");
    }
  }

  static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
