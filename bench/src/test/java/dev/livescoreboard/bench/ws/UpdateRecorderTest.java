package dev.livescoreboard.bench.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UpdateRecorderTest {

  private static final long COMMITTED = 1_700_000_000_000_000L;
  private static final long SENT = COMMITTED + 40_000;

  private final UpdateRecorder recorder = new UpdateRecorder();

  @Test
  void everyReceiptOfAnUpdateCountsWithItsSendAndCommitTimes() {
    recorder.window(COMMITTED - 1, COMMITTED + 1);

    recorder.onText(null, update(7, COMMITTED, SENT), SENT + 1_000);
    recorder.onText(null, update(7, COMMITTED, SENT), SENT + 3_000);
    recorder.onText(null, update(7, COMMITTED, SENT), SENT + 2_000);

    assertThat(recorder.seqTable())
        .containsOnlyKeys(7L)
        .hasEntrySatisfying(
            7L, s -> assertThat(s).containsExactly(COMMITTED, SENT, SENT + 1_000, SENT + 3_000, 3));
    assertThat(recorder.propagation().getTotalCount()).isEqualTo(3);
    assertThat(recorder.propagation().getMaxValue()).isBetween(42_900L, 43_100L);
  }

  @Test
  void framesThatDifferOnlyInTheirSeqAreTwoUpdates() {
    recorder.window(COMMITTED - 1, COMMITTED + 1);

    for (int i = 0; i < 3; i++) {
      recorder.onText(null, update(7, COMMITTED, SENT), SENT + 10);
      recorder.onText(null, update(8, COMMITTED, SENT), SENT + 20);
    }

    assertThat(recorder.seqTable()).containsOnlyKeys(7L, 8L);
    assertThat(recorder.seqTable().get(7L)[4]).isEqualTo(3);
    assertThat(recorder.seqTable().get(8L)[4]).isEqualTo(3);
  }

  @Test
  void onlyUpdatesCommittedInTheWindowCountEvenIfSeenBeforeItWasSet() {
    recorder.onText(null, update(7, COMMITTED, SENT), SENT + 10);
    recorder.window(COMMITTED - 1, COMMITTED + 1);
    recorder.onText(null, update(7, COMMITTED, SENT), SENT + 10);
    recorder.onText(null, update(6, COMMITTED - 5, SENT), SENT + 10);

    assertThat(recorder.seqTable()).containsOnlyKeys(7L);
    assertThat(recorder.seqTable().get(7L)[4]).isEqualTo(1);
  }

  @Test
  void anUpdateWithoutSentAtHasNoSendTime() {
    recorder.window(COMMITTED - 1, COMMITTED + 1);
    String json =
        "{\"type\":\"LEADERBOARD_UPDATE\",\"seq\":3,\"entries\":[],\"sourceCommittedAt\":\""
            + iso(COMMITTED)
            + "\"}";

    recorder.onText(null, Unpooled.copiedBuffer(json, StandardCharsets.UTF_8), SENT);

    assertThat(recorder.seqTable().get(3L)[1]).isEqualTo(SeqStats.NOT_SENT);
  }

  @Test
  void otherMessagesAreNotCounted() {
    recorder.window(0, Long.MAX_VALUE);

    recorder.onText(null, text("{\"type\":\"SNAPSHOT\",\"seq\":3,\"entries\":[]}"), SENT);
    recorder.onText(null, text("{\"type\":\"CONNECTION_ACK\"}"), SENT);
    recorder.onText(null, text("not json"), SENT);

    assertThat(recorder.seqTable()).isEmpty();
  }

  private static ByteBuf update(long seq, long committedMicros, long sentMicros) {
    return text(
        "{\"type\":\"LEADERBOARD_UPDATE\",\"board\":\"global\",\"season\":\"all-time\",\"seq\":"
            + seq
            + ",\"entries\":[{\"rank\":1,\"userId\":\"u\",\"displayName\":\"U\",\"score\":5}],"
            + "\"changes\":[],\"sourceCommittedAt\":\""
            + iso(committedMicros)
            + "\",\"sentAt\":\""
            + iso(sentMicros)
            + "\"}");
  }

  private static ByteBuf text(String json) {
    return Unpooled.copiedBuffer(json, StandardCharsets.UTF_8);
  }

  private static String iso(long micros) {
    return Instant.ofEpochSecond(micros / 1_000_000, micros % 1_000_000 * 1_000).toString();
  }
}
