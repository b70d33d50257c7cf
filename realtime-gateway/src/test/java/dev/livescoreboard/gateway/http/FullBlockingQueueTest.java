package dev.livescoreboard.gateway.http;

import static dev.livescoreboard.gateway.board.Tops.top;
import static org.assertj.core.api.Assertions.assertThat;

import dev.livescoreboard.auth.AccessTokenSettings;
import dev.livescoreboard.auth.AccessTokenVerifier;
import dev.livescoreboard.events.EventJson;
import dev.livescoreboard.gateway.auth.RevocationCheck;
import dev.livescoreboard.gateway.auth.TokenAuthenticator;
import dev.livescoreboard.gateway.blocking.BlockingExecutor;
import dev.livescoreboard.gateway.board.BoardFeed;
import dev.livescoreboard.gateway.board.InMemoryLeaderboardStore;
import dev.livescoreboard.gateway.board.TestFeeds;
import dev.livescoreboard.gateway.config.GatewaySettings;
import dev.livescoreboard.gateway.metrics.GatewayMetrics;
import dev.livescoreboard.gateway.rank.RankReads;
import dev.livescoreboard.gateway.rank.RankedPage;
import dev.livescoreboard.gateway.rank.Standing;
import dev.livescoreboard.gateway.registry.TestBoards;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * A read that needs the blocking pool while its queue is full answers 503 at once: a pool of one
 * thread held by the test and a queue of one filled by the test.
 */
class FullBlockingQueueTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final InMemoryLeaderboardStore store =
      new InMemoryLeaderboardStore().put(top("global", "all-time", 12, "alice", "bob", "carol"));
  // The feed loads in the calling thread, so only the reads themselves need the full pool.
  private final BoardFeed feed =
      TestFeeds.immediate(store, new BlockingExecutor(Runnable::run), registry);
  private final BlockingExecutor pool = BlockingExecutor.pool(1, 1);
  private final CountDownLatch release = new CountDownLatch(1);
  private final GatewayMetrics metrics = new GatewayMetrics();
  private final EmbeddedChannel channel =
      new EmbeddedChannel(
          new HttpRouter(
              GatewaySettings.fromEnvironment(Map.of()),
              feed,
              store,
              new EmptyRanking(),
              new TokenAuthenticator(
                  new AccessTokenVerifier(
                      AccessTokenSettings.of(
                          URI.create("http://127.0.0.1:9/jwks.json"), "test", "test")),
                  RevocationCheck.NONE),
              pool,
              metrics,
              () -> true,
              TestBoards.of("global")));

  @AfterEach
  void finish() {
    release.countDown();
    pool.close();
    channel.finishAndReleaseAll();
    metrics.close();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/v1/leaderboards/global/users/alice",
        "/api/v1/leaderboards/global?offset=20",
        "/api/v1/leaderboards/global/around/alice"
      })
  void aReadRefusedByTheFullQueueAnswers503WithRetryAfterAtOnce(String uri) {
    fillThePool();

    channel.writeInbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, uri));
    // Read without running any task or waiting: the answer was written while handling the request.
    FullHttpResponse response = channel.readOutbound();
    try {
      assertThat(response).as("an immediate response").isNotNull();
      assertThat(response.status().code()).isEqualTo(503);
      assertThat(response.headers().get(HttpHeaderNames.RETRY_AFTER)).isNotBlank();
      JsonNode problem =
          EventJson.fromJson(response.content().toString(StandardCharsets.UTF_8), JsonNode.class);
      assertThat(problem.path("code").asString()).isEqualTo("UNAVAILABLE");
    } finally {
      response.release();
    }
  }

  @Test
  void theTopFromMemoryIsStillServedWhileTheQueueIsFull() {
    fillThePool();

    channel.writeInbound(
        new DefaultFullHttpRequest(
            HttpVersion.HTTP_1_1, HttpMethod.GET, "/api/v1/leaderboards/global"));
    FullHttpResponse response = channel.readOutbound();
    try {
      assertThat(response.status().code()).isEqualTo(200);
    } finally {
      response.release();
    }
  }

  /**
   * With one thread, the first task runs on a new worker rather than waiting, so the second fills
   * the queue: the next submit is refused, with no race against the worker.
   */
  private void fillThePool() {
    assertThat(pool.execute(this::awaitRelease)).isTrue();
    assertThat(pool.execute(() -> {})).isTrue();
    assertThat(pool.execute(() -> {})).as("the queue is full").isFalse();
  }

  private void awaitRelease() {
    try {
      release.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * A ranking without users: a read that ran would answer 404 or an empty page, so a 503 means the
   * read was refused, not that it failed.
   */
  private static final class EmptyRanking implements RankReads {

    @Override
    public Optional<Standing> standing(String board, String season, int topN, String userId) {
      return Optional.empty();
    }

    @Override
    public RankedPage page(String board, String season, int offset, int limit) {
      return new RankedPage(List.of(), 0);
    }

    @Override
    public Optional<RankedPage> around(String board, String season, String userId, int radius) {
      return Optional.empty();
    }

    @Override
    public RankedPage among(String board, String season, List<String> userIds) {
      return new RankedPage(List.of(), 0);
    }
  }
}
