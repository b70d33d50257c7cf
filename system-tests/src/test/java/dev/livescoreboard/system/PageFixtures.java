package dev.livescoreboard.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.livescoreboard.events.Seasons;
import dev.livescoreboard.infra.LocalStack;
import dev.livescoreboard.testsupport.UniqueNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the live page's tests set up on the shared stack, through the features as a user or an
 * operator would: boards defined by the admin, players who score through command-api, admin
 * requests; and the gateway's answers they wait for.
 */
final class PageFixtures {

  /** A player of a test, with a unique id, who scores through command-api. */
  record Player(String id, String name, String token, WriteApi api) {
    void play(String board, String... actions) {
      for (String action : actions) {
        WriteApi.Reply done = api.play(token, action, board);
        assertThat(done.status()).as("completing " + action + ": " + done.body()).isEqualTo(200);
      }
    }
  }

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final LocalStack stack;
  private final WriteApi api;
  private final String admin;
  private final HttpClient http = HttpClient.newHttpClient();

  PageFixtures(LocalStack stack) {
    this.stack = stack;
    this.api = new WriteApi(stack.commandApiUrl());
    this.admin = stack.auth().mint("page-admin", "Admin", List.of("scoreboard:admin"));
  }

  Player player(String name) {
    String id = UniqueNames.of(name.toLowerCase(Locale.ROOT));
    return new Player(id, name, stack.auth().mint(id, name, List.of()), api);
  }

  /** Defines {@code board} (never reset) and waits until the gateway serves it. */
  String defineBoard(String board, String title, int topN) {
    WriteApi.Reply defined = api.defineBoard(admin, board, title, topN, "never");
    assertThat(defined.status())
        .as("defining " + board + ": " + defined.body())
        .isBetween(200, 201);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> get("/api/v1/leaderboards/" + board).statusCode() == 200);
    return board;
  }

  /** Waits until the gateway's read API lists all {@code players} players of {@code board}. */
  void awaitTopOnGateway(String board, int players) {
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () -> {
              String body = get("/api/v1/leaderboards/" + board + "?limit=25").body();
              assertThat(JSON.readTree(body).path("entries").size()).as(body).isEqualTo(players);
            });
  }

  /** The projector's admin rebuild of {@code board}'s all-time season from PostgreSQL. */
  void rebuildFromPostgres(String board) {
    HttpResponse<String> rebuilt =
        adminPost(
            stack.projectorUrl() + "/admin/rebuild?board=" + board + "&season=" + Seasons.ALL_TIME);
    assertThat(rebuilt.statusCode()).as(rebuilt.body()).isEqualTo(200);
  }

  /** The admin's revoke of the access token whose {@code jti} this is. */
  void revoke(String jti) {
    WriteApi.Reply revoked = api.revoke(admin, jti);
    assertThat(revoked.status()).as("revoking: " + revoked.body()).isBetween(200, 204);
  }

  /** {@code POST url} without a body, as the admin. */
  HttpResponse<String> adminPost(String url) {
    return send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", "Bearer " + admin)
            .POST(HttpRequest.BodyPublishers.noBody())
            .build());
  }

  /** {@code GET} of a gateway path. */
  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path)).build());
  }

  /** The live page of {@code board}. */
  String page(String board) {
    return stack.gatewayUrl() + "/?board=" + board;
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
