package dev.livescoreboard.command.score;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livescoreboard.command.CommandApiTestBase;
import dev.livescoreboard.command.TopicReader;
import dev.livescoreboard.events.EventJson;
import dev.livescoreboard.events.ScoreChanged;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class CompleteActionIT extends CommandApiTestBase {

  private static final String TRACEPARENT =
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  @Test
  void startAndCompleteAnswerWithAContentLengthNotAChunkedBody() {
    String user = newUserId();
    provision(user);
    String bearer = tokenFor(user);

    Response started = post("/api/v1/actions", bearer, Map.of("actionType", "WIN_MATCH"));
    Response completed = complete(bearer, started.body().path("actionToken").asString());

    for (Response response : java.util.List.of(started, completed)) {
      assertThat(response.headers().firstValue("transfer-encoding")).isEmpty();
      assertThat(response.headers().firstValueAsLong("content-length").orElse(0)).isPositive();
    }
  }

  @Test
  void startAndCompleteRaisesTheScoreAndPublishesTheEvent() {
    String user = newUserId();
    provision(user);
    String bearer = tokenFor(user);

    Response started = post("/api/v1/actions", bearer, Map.of("actionType", "WIN_MATCH"));
    assertThat(started.status()).isEqualTo(201);
    assertThat(started.body().path("actionType").asString()).isEqualTo("WIN_MATCH");
    assertThat(started.body().path("board").asString()).isEqualTo("global");
    assertThat(started.body().path("points").asInt()).isEqualTo(20);
    assertThat(Instant.parse(started.body().path("expiresAt").asString()))
        .isAfter(Instant.now())
        .isBefore(Instant.now().plusSeconds(301));

    Response completed =
        post(
            "/api/v1/actions/complete",
            bearer,
            JSON.writeValueAsString(
                Map.of(
                    "actionToken", started.body().path("actionToken").asString(),
                    "metadata", Map.of("level", 7))),
            Map.of("traceparent", TRACEPARENT));

    assertThat(completed.status()).isEqualTo(200);
    assertThat(completed.body().path("userId").asString()).isEqualTo(user);
    assertThat(completed.body().path("board").asString()).isEqualTo("global");
    assertThat(completed.body().path("season").asString()).isEqualTo("all-time");
    assertThat(completed.body().path("actionType").asString()).isEqualTo("WIN_MATCH");
    assertThat(completed.body().path("delta").asLong()).isEqualTo(20);
    assertThat(completed.body().path("previousScore").asLong()).isZero();
    assertThat(completed.body().path("newScore").asLong()).isEqualTo(20);
    String eventId = completed.body().path("eventId").asString();

    Response second = complete(bearer, startAction(bearer, "COMPLETE_LEVEL"));
    assertThat(second.body().path("previousScore").asLong()).isEqualTo(20);
    assertThat(second.body().path("newScore").asLong()).isEqualTo(30);

    assertThat(
            count(
                "SELECT score FROM user_scores WHERE board_id = 'global' AND season = 'all-time'"
                    + " AND user_id = ? AND version = 2",
                user))
        .isEqualTo(30);
    assertThat(
            count(
                "SELECT count(*) FROM score_events WHERE id = ?::uuid AND user_version = 1"
                    + " AND new_score = 20 AND metadata->>'level' = '7'",
                eventId))
        .isOne();
    assertThat(count("SELECT count(*) FROM outbox WHERE aggregateid = ?", "global:" + user))
        .isEqualTo(2);

    try (TopicReader reader = new TopicReader(topic)) {
      List<ConsumerRecord<String, byte[]>> mine =
          reader.readUntil(records -> ofKey(records, "global:" + user).size() == 2).stream()
              .filter(r -> r.key().equals("global:" + user))
              .toList();
      ScoreChanged first = EventJson.fromBytes(mine.get(0).value(), ScoreChanged.class);
      assertThat(first.eventId().toString()).isEqualTo(eventId);
      assertThat(first.schemaVersion()).isEqualTo(1);
      assertThat(first.type()).isEqualTo("SCORE_CHANGED");
      assertThat(first.board()).isEqualTo("global");
      assertThat(first.season()).isEqualTo("all-time");
      assertThat(first.userId()).isEqualTo(user);
      assertThat(first.displayName()).isEqualTo("Player");
      assertThat(first.actionType()).isEqualTo("WIN_MATCH");
      assertThat(first.reason()).isNull();
      assertThat(first.delta()).isEqualTo(20);
      assertThat(first.previousScore()).isZero();
      assertThat(first.newScore()).isEqualTo(20);
      assertThat(first.userVersion()).isEqualTo(1);
      assertThat(first.reachedAt()).isNotNull();
      assertThat(first.committedAt()).isNotNull();
      assertThat(
              new String(
                  mine.get(0).headers().lastHeader("traceparent").value(),
                  StandardCharsets.US_ASCII))
          .isEqualTo(TRACEPARENT);
      assertThat(EventJson.fromBytes(mine.get(1).value(), ScoreChanged.class).userVersion())
          .isEqualTo(2);
      assertThat(mine.get(1).headers().lastHeader("traceparent")).isNotNull();
    }
  }

  private static List<ConsumerRecord<String, byte[]>> ofKey(
      List<ConsumerRecord<String, byte[]>> records, String key) {
    return records.stream().filter(r -> key.equals(r.key())).toList();
  }

  @Test
  void replayedActionTokenIsRejectedAndChangesNothing() {
    String user = newUserId();
    provision(user);
    String bearer = tokenFor(user);
    String token = startAction(bearer, "COMPLETE_LEVEL");
    assertThat(complete(bearer, token).status()).isEqualTo(200);

    Response replay = complete(bearer, token);

    assertThat(replay.status()).isEqualTo(409);
    assertThat(replay.code()).isEqualTo("ACTION_ALREADY_COMPLETED");
    assertThat(count("SELECT score FROM user_scores WHERE user_id = ?", user)).isEqualTo(10);
    assertThat(count("SELECT version FROM user_scores WHERE user_id = ?", user)).isOne();
    assertThat(count("SELECT count(*) FROM score_events WHERE user_id = ?", user)).isOne();
    assertThat(count("SELECT count(*) FROM outbox WHERE aggregateid = ?", "global:" + user))
        .isOne();
  }

  @Test
  void anotherUsersTokenIsForbidden() {
    String owner = newUserId();
    String thief = newUserId();
    provision(owner, thief);
    String token = startAction(tokenFor(owner), "COMPLETE_LEVEL");

    Response stolen = complete(tokenFor(thief), token);

    assertThat(stolen.status()).isEqualTo(403);
    assertThat(stolen.code()).isEqualTo("FORBIDDEN");
    assertThat(count("SELECT count(*) FROM score_events WHERE user_id IN (?, ?)", owner, thief))
        .isZero();
  }

  @Test
  void scoreStopsAtTheBoardCap() {
    String user = newUserId();
    provision(user);
    jdbc.sql(
            "INSERT INTO user_scores (board_id, season, user_id, score, version)"
                + " VALUES ('global', 'all-time', ?, 999995, 3)")
        .param(user)
        .update();
    String bearer = tokenFor(user);

    Response capped = complete(bearer, startAction(bearer, "COMPLETE_LEVEL"));
    assertThat(capped.status()).isEqualTo(200);
    assertThat(capped.body().path("delta").asLong()).isEqualTo(5);
    assertThat(capped.body().path("newScore").asLong()).isEqualTo(1_000_000);

    Response full = complete(bearer, startAction(bearer, "COMPLETE_LEVEL"));
    assertThat(full.status()).isEqualTo(409);
    assertThat(full.code()).isEqualTo("SCORE_CAP_REACHED");
    assertThat(count("SELECT score FROM user_scores WHERE user_id = ?", user)).isEqualTo(1_000_000);
    assertThat(count("SELECT version FROM user_scores WHERE user_id = ?", user)).isEqualTo(4);
    assertThat(count("SELECT count(*) FROM score_events WHERE user_id = ?", user)).isOne();
  }

  @Test
  void frozenUserCannotScore() {
    String user = newUserId();
    provision(user);
    String bearer = tokenFor(user);
    String token = startAction(bearer, "COMPLETE_LEVEL");
    jdbc.sql("UPDATE users SET status = 'frozen' WHERE id = ?").param(user).update();

    Response frozen = complete(bearer, token);

    assertThat(frozen.status()).isEqualTo(403);
    assertThat(frozen.code()).isEqualTo("USER_FROZEN");
    assertThat(count("SELECT count(*) FROM user_scores WHERE user_id = ?", user)).isZero();
  }

  @Test
  void unknownUserIsNotFoundWithoutAutoRegistration() {
    String user = newUserId();
    provision(user);
    String bearer = tokenFor(user);
    String token = startAction(bearer, "COMPLETE_LEVEL");
    // Erased after starting: treated as unknown when completing.
    jdbc.sql("UPDATE users SET status = 'erased' WHERE id = ?").param(user).update();

    Response unknown = complete(bearer, token);

    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.code()).isEqualTo("USER_NOT_FOUND");
  }

  @Test
  void forgedActionTokenIsInvalid() {
    String user = newUserId();
    provision(user);
    String bearer = tokenFor(user);
    // An access token is a validly signed JWT, but not an action token.
    Response forged = complete(bearer, bearer);

    assertThat(forged.status()).isEqualTo(403);
    assertThat(forged.code()).isEqualTo("ACTION_TOKEN_INVALID");
  }
}
