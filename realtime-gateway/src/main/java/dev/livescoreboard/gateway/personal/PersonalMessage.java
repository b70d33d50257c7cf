package dev.livescoreboard.gateway.personal;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.livescoreboard.events.EventJson;
import dev.livescoreboard.events.RankChanged;

/**
 * A {@code RANK_CHANGED} for one user, encoded once for all of that user's connections.
 *
 * @param change what changed
 * @param json the message as every transport sends it: {@code {"type":"RANK_CHANGED", ...change}}
 *     (SPEC §5); shared, never to be modified
 */
public record PersonalMessage(RankChanged change, byte[] json) {

  static final String TYPE = "RANK_CHANGED";

  static PersonalMessage of(RankChanged change) {
    return new PersonalMessage(change, EventJson.toBytes(new Wire(TYPE, change)));
  }

  private record Wire(String type, @JsonUnwrapped RankChanged change) {}
}
