package dev.livescoreboard.command.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.livescoreboard.command.problem.ApiException;
import dev.livescoreboard.events.ErrorCode;
import org.junit.jupiter.api.Test;

class IdempotencyKeyTest {

  @Test
  void printableAsciiKeysUpTo255CharactersAreAccepted() {
    assertThatCode(() -> Idempotency.requireValid("a")).doesNotThrowAnyException();
    assertThatCode(() -> Idempotency.requireValid("7f3c-9e1a 2b:{x}~!")).doesNotThrowAnyException();
    assertThatCode(() -> Idempotency.requireValid("k".repeat(255))).doesNotThrowAnyException();
  }

  @Test
  void emptyLongOrNonAsciiKeysAreValidationErrors() {
    for (String bad :
        new String[] {"", "   ", "k".repeat(256), "schlüssel", "tab\there", "nul\0"}) {
      assertThatThrownBy(() -> Idempotency.requireValid(bad))
          .isInstanceOfSatisfying(
              ApiException.class,
              e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
                assertThat(e.detail()).startsWith("Idempotency-Key:");
              });
    }
  }

  @Test
  void requestHashIsStableAndTellsRequestsApart() {
    assertThat(Idempotency.sha256("POST /a\ntoken\nnull"))
        .hasSize(64)
        .isEqualTo(Idempotency.sha256("POST /a\ntoken\nnull"));
    assertThat(Idempotency.sha256("POST /a\ntoken\nnull"))
        .isNotEqualTo(Idempotency.sha256("POST /a\ntoken\n{}"));
  }
}
