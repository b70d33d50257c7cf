package dev.livescoreboard.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.buffer.ByteBufAllocator;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The leak check other tests rely on does see a buffer that was never released. */
class NettyLeaksTest {

  @Test
  void anUnreleasedBufferIsReported() {
    try (NettyLeaks leaks = new NettyLeaks()) {
      ByteBufAllocator.DEFAULT.buffer(64).writeLong(42); // dropped without release()

      await()
          .atMost(30, TimeUnit.SECONDS)
          .untilAsserted(() -> assertThat(leaks.reported()).isNotEmpty());
    }
  }
}
