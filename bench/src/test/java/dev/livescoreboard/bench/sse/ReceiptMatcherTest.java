package dev.livescoreboard.bench.sse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReceiptMatcherTest {

  private final ReceiptMatcher matcher = new ReceiptMatcher();

  @Test
  void everyReadersReceiptOfTheResponsePairIsRecorded() {
    matcher.measureFrom(0);
    matcher.responseReceived("u", 10, 1_000);
    matcher.updateReceived("u", 10, 3_000);
    matcher.updateReceived("u", 10, 5_000);

    assertThat(matcher.matched().getTotalCount()).isEqualTo(2);
    assertThat(matcher.matched().getMaxValue()).isBetween(3_990L, 4_010L);
  }

  @Test
  void receiptsBeforeTheResponseCountAsImmediate() {
    matcher.measureFrom(0);
    matcher.updateReceived("u", 10, 900);
    matcher.updateReceived("u", 10, 950);
    matcher.responseReceived("u", 10, 1_000);

    assertThat(matcher.matched().getTotalCount()).isEqualTo(2);
    assertThat(matcher.matched().getMaxValue()).isLessThanOrEqualTo(1);
  }

  @Test
  void otherScoresAndResponsesBeforeTheWindowAreNotRecorded() {
    matcher.measureFrom(2_000);
    matcher.responseReceived("u", 10, 1_000);
    matcher.updateReceived("u", 10, 3_000);
    matcher.responseReceived("u", 20, 2_500);
    matcher.updateReceived("u", 21, 3_000);

    assertThat(matcher.matched().getTotalCount()).isZero();
  }
}
