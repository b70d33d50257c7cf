package dev.livescoreboard.command.entry;

import dev.livescoreboard.command.outbox.Outbox;
import dev.livescoreboard.command.outbox.OutboxMessage;
import dev.livescoreboard.command.user.User;
import dev.livescoreboard.events.EntryChanged;
import dev.livescoreboard.events.EventJson;
import dev.livescoreboard.events.EventKeys;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Announces an operator's change of a user to the read model: bumps the version of every entry
 * ({@code user_scores} row) the user has and appends one {@code ENTRY_CHANGED} outbox row per
 * entry, in the change's transaction.
 */
@Repository
public class EntryChanges {

  static final String AGGREGATE_TYPE = "score";

  private final JdbcClient jdbc;
  private final Outbox outbox;

  EntryChanges(JdbcClient jdbc, Outbox outbox) {
    this.jdbc = jdbc;
    this.outbox = outbox;
  }

  /**
   * Publishes {@code user}'s state after the change on every board and season they have scored on
   * (entries with {@code version > 0}; a row created by a refused complete was never on a board).
   * The caller holds the user's row lock ({@code Users#lockForChange}), so no score change of the
   * user runs meanwhile and each entry's next version is this one.
   *
   * @param change one of {@link EntryChanged#CHANGES}
   * @return the events, ordered by board and season
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public List<EntryChanged> publish(User user, String change, Instant now) {
    List<EntryChanged> events =
        new ArrayList<>(
            jdbc.sql(
                    """
                    UPDATE user_scores SET version = version + 1, updated_at = :now
                    WHERE user_id = :user AND version > 0
                    RETURNING board_id, season, score, version, reached_at
                    """)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .param("user", user.id())
                .query(
                    (rs, n) ->
                        EntryChanged.of(
                            UUID.randomUUID(),
                            rs.getString("board_id"),
                            rs.getString("season"),
                            user.id(),
                            user.publicName(),
                            user.publicProfile(),
                            user.status().dbValue(),
                            change,
                            rs.getLong("score"),
                            rs.getTimestamp("reached_at").toInstant(),
                            rs.getLong("version"),
                            now))
                .list());
    events.sort(Comparator.comparing(EntryChanged::board).thenComparing(EntryChanged::season));
    for (EntryChanged event : events) {
      outbox.append(
          new OutboxMessage(
              AGGREGATE_TYPE,
              EventKeys.scoreEvent(event.board(), event.userId()),
              EntryChanged.TYPE,
              EventJson.toJson(event),
              null));
    }
    return events;
  }
}
