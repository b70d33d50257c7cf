package dev.livescoreboard.bench.ws;

import dev.livescoreboard.bench.http.CompletionMatcher;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import java.util.Optional;
import java.util.concurrent.atomic.LongAccumulator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One fully parsing client: tells the {@link CompletionMatcher} which (user, score) pairs each
 * {@code LEADERBOARD_UPDATE} shows, so completes can be matched to the update that showed them.
 */
final class UpdateObserver implements FrameListener {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final CompletionMatcher matcher;
  private final LongAccumulator latestSeq = new LongAccumulator(Math::max, -1);
  private volatile byte[] lastUpdate;

  UpdateObserver(CompletionMatcher matcher) {
    this.matcher = matcher;
  }

  /** The highest board seq this client has seen (-1 before its SNAPSHOT). */
  long latestSeq() {
    return latestSeq.get();
  }

  /** The last {@code LEADERBOARD_UPDATE} this client received, as sent. */
  Optional<byte[]> lastUpdate() {
    return Optional.ofNullable(lastUpdate);
  }

  @Override
  public void onText(Channel channel, ByteBuf json, long receivedMicros) {
    byte[] bytes = ByteBufUtil.getBytes(json);
    JsonNode message = JSON.readTree(bytes);
    String type = message.path("type").asString();
    if (FrameHeader.SNAPSHOT.equals(type) || FrameHeader.UPDATE.equals(type)) {
      latestSeq.accumulate(message.path("seq").asLong(-1));
    }
    if (!FrameHeader.UPDATE.equals(type)) {
      return;
    }
    lastUpdate = bytes;
    for (JsonNode entry : message.path("entries")) {
      matcher.updateReceived(
          entry.path("userId").asString(), entry.path("score").asLong(), receivedMicros);
    }
  }
}
