package dev.livescoreboard.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livescoreboard.auth.revocation.LocalDenylist;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LiveConnectionsTest {

  private final LocalDenylist denylist = new LocalDenylist(Clock.systemUTC());
  private final LiveConnections live = new LiveConnections(denylist);

  private static Principal holder(String jti) {
    return new Principal("u1", "U", Instant.now().plusSeconds(600), jti);
  }

  @Test
  void aRevocationClosesEveryConnectionOfThatTokenOnItsLoop() {
    EmbeddedChannel first = new EmbeddedChannel();
    EmbeddedChannel second = new EmbeddedChannel();
    EmbeddedChannel other = new EmbeddedChannel();
    AtomicInteger closed = new AtomicInteger();
    live.register(first, holder("j1"), closed::incrementAndGet);
    live.register(second, holder("j1"), closed::incrementAndGet);
    live.register(other, holder("j2"), () -> closed.addAndGet(100));

    live.revoked("j1");
    first.runPendingTasks();
    second.runPendingTasks();
    other.runPendingTasks();

    assertThat(closed).hasValue(2);
    assertThat(live.size()).isEqualTo(1);
  }

  @Test
  void aTokenRevokedBeforeItsConnectionRegisteredIsClosedAtOnce() {
    denylist.add("late", Instant.now().plusSeconds(600));
    EmbeddedChannel channel = new EmbeddedChannel();
    AtomicInteger closed = new AtomicInteger();

    live.register(channel, holder("late"), closed::incrementAndGet);
    channel.runPendingTasks();

    assertThat(closed).hasValue(1);
  }

  @Test
  void aClosedConnectionIsForgotten() {
    EmbeddedChannel channel = new EmbeddedChannel();
    live.register(channel, holder("j3"), () -> {});

    channel.close();

    assertThat(live.size()).isZero();
  }

  @Test
  void anonymousViewersAndTokensWithoutJtiAreNotKept() {
    live.register(new EmbeddedChannel(), Principal.anonymous(), () -> {});
    live.register(new EmbeddedChannel(), holder(null), () -> {});

    assertThat(live.size()).isZero();
  }
}
