package dev.livescoreboard.command.season;

import dev.livescoreboard.command.CommandApiTestBase;
import dev.livescoreboard.command.TopicReader;
import dev.livescoreboard.events.ScoreboardEventDeserializer;
import dev.livescoreboard.events.SeasonStarted;
import dev.livescoreboard.events.Seasons;
import dev.livescoreboard.testsupport.TestAuth;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

/**
 * The application on a {@link ShiftableClock}, with the catalog {@code season-test-actions.yml}
 * (action {@code SPRINT} scores on the {@code sprint-*} boards). Tokens live long enough for the
 * clock to move weeks ahead.
 */
@TestPropertySource(properties = "scoreboard.actions.file=classpath:season-test-actions.yml")
@Import(SeasonTestBase.ShiftedTime.class)
abstract class SeasonTestBase extends CommandApiTestBase {

  @TestConfiguration
  static class ShiftedTime {
    @Bean
    @Primary
    ShiftableClock shiftableClock() {
      return new ShiftableClock();
    }
  }

  static final Duration TOKEN_TTL = Duration.ofDays(90);

  @Autowired ShiftableClock clock;

  static String longAdminToken() {
    return TestAuth.shared().mint("season-admin", "Admin", List.of("scoreboard:admin"), TOKEN_TTL);
  }

  static String longTokenFor(String userId) {
    return TestAuth.shared().mint(userId, "Player", List.of(), TOKEN_TTL);
  }

  void defineBoard(String board, String schedule) {
    Response put =
        put(
            "/api/v1/admin/boards/" + board,
            longAdminToken(),
            Map.of(
                "title", "Sprint", "scoreCap", 1_000_000, "topN", 10, "resetSchedule", schedule));
    if (put.status() != 201) {
      throw new IllegalStateException("board not created: " + put);
    }
  }

  /** Completes one {@code SPRINT} of {@code user} on {@code board}; returns the response. */
  Response sprint(String user, String board) {
    String bearer = longTokenFor(user);
    Response started =
        post("/api/v1/actions", bearer, Map.of("actionType", "SPRINT", "board", board));
    if (started.status() != 201) {
      throw new IllegalStateException("start failed: " + started);
    }
    return complete(bearer, started.body().path("actionToken").asString());
  }

  Optional<String> currentSeason(String board) {
    return jdbc.sql("SELECT season FROM seasons WHERE board_id = ? AND ended_at IS NULL")
        .param(board)
        .query(String.class)
        .optional();
  }

  /** The board's seasons, oldest first: season, started_at, ended_at. */
  List<SeasonRow> seasons(String board) {
    return jdbc
        .sql("SELECT season, started_at, ended_at FROM seasons WHERE board_id = ?")
        .param(board)
        .query(
            (rs, n) ->
                new SeasonRow(
                    rs.getString("season"),
                    rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                    Optional.ofNullable(rs.getObject("ended_at", OffsetDateTime.class))
                        .map(OffsetDateTime::toInstant)
                        .orElse(null)))
        .list()
        .stream()
        .sorted((a, b) -> Seasons.BY_START.compare(a.season(), b.season()))
        .toList();
  }

  record SeasonRow(String season, Instant startedAt, Instant endedAt) {}

  /** The SEASON_STARTED payloads of {@code board} in the outbox, in commit order. */
  List<SeasonStarted> outboxSeasons(String board) {
    return jdbc
        .sql("SELECT payload FROM outbox WHERE type = ? AND aggregateid = ? ORDER BY id")
        .param(SeasonStarted.TYPE)
        .param(board)
        .query(String.class)
        .list()
        .stream()
        .map(json -> (SeasonStarted) ScoreboardEventDeserializer.read(json.getBytes()))
        .toList();
  }

  /** The SEASON_STARTED records of {@code board} on Kafka, once there are {@code atLeast}. */
  List<SeasonStarted> kafkaSeasons(String board, int atLeast) {
    try (TopicReader reader = new TopicReader(topic)) {
      return reader.readUntil(read -> seasonsIn(read, board).size() >= atLeast).stream()
          .filter(r -> Objects.equals(r.key(), board))
          .map(r -> ScoreboardEventDeserializer.read(r.value()))
          .filter(SeasonStarted.class::isInstance)
          .map(SeasonStarted.class::cast)
          .toList();
    }
  }

  private static List<Object> seasonsIn(
      List<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>> read, String board) {
    return read.stream()
        .filter(r -> Objects.equals(r.key(), board))
        .map(r -> (Object) ScoreboardEventDeserializer.read(r.value()))
        .filter(SeasonStarted.class::isInstance)
        .toList();
  }

  /** The first instant of the UTC day after the clock's. */
  Instant nextMidnight() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)
        .plusDays(1)
        .atStartOfDay(ZoneOffset.UTC)
        .toInstant();
  }
}
