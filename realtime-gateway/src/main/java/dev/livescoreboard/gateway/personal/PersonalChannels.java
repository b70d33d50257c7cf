package dev.livescoreboard.gateway.personal;

import dev.livescoreboard.events.RankChanged;
import dev.livescoreboard.events.RanksChanged;
import io.micrometer.core.instrument.Counter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live channels of each connected, authenticated user, and the delivery of the projector's
 * {@link RanksChanged} to them. A change of a user without a channel here costs one hash lookup.
 */
public final class PersonalChannels {

  private final Map<String, List<PersonalChannel>> byUser = new ConcurrentHashMap<>();
  private final Counter pushed;
  private final Counter dropped;

  /**
   * @param pushed counts messages handed to a channel
   * @param dropped counts messages a channel dropped because it was not writable
   */
  public PersonalChannels(Counter pushed, Counter dropped) {
    this.pushed = pushed;
    this.dropped = dropped;
  }

  /** Adds a channel of {@code userId}; until {@link #unregister} it receives their pushes. */
  public void register(String userId, PersonalChannel channel) {
    // Lists are tiny (a user holds a few connections) and replaced, never changed, so delivery
    // iterates them without locks.
    byUser.compute(
        userId,
        (id, channels) -> {
          List<PersonalChannel> next =
              channels == null ? new ArrayList<>() : new ArrayList<>(channels);
          next.add(channel);
          return List.copyOf(next);
        });
  }

  public void unregister(String userId, PersonalChannel channel) {
    byUser.computeIfPresent(
        userId,
        (id, channels) -> {
          List<PersonalChannel> next = new ArrayList<>(channels);
          next.remove(channel);
          return next.isEmpty() ? null : List.copyOf(next);
        });
  }

  /** Pushes each change to its user's channels, encoded once per user; on the subscriber thread. */
  public void deliver(RanksChanged ranks) {
    for (RankChanged change : ranks.changes()) {
      List<PersonalChannel> channels = byUser.get(change.userId());
      if (channels == null) {
        continue;
      }
      PersonalMessage message = PersonalMessage.of(change);
      for (PersonalChannel channel : channels) {
        channel.push(message);
        pushed.increment();
      }
    }
  }

  /** Counter for a transport to count a push it dropped. */
  public Counter dropped() {
    return dropped;
  }

  /** How many users have at least one channel. */
  public int users() {
    return byUser.size();
  }
}
