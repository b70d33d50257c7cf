package dev.livescoreboard.system.drill;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

/**
 * Every write request the drills' players sent and every action they started, with what command-api
 * answered: the record the checks hold PostgreSQL, Kafka and the gateway to. Thread-safe.
 */
final class ActionLog {

  /** SPEC §10: every request answers within this, even while a dependency hangs. */
  static final Duration ANSWER_BOUND = Duration.ofSeconds(5);

  /** One HTTP request: sent, and (once it is) answered with a status, 0 when no answer came. */
  static final class Request {
    final String path;
    final Instant sent = Instant.now();
    private volatile Instant done;
    private volatile int status = -1;

    Request(String path) {
      this.path = path;
    }

    void answered(int status) {
      this.status = status;
      this.done = Instant.now();
    }

    boolean pending() {
      return done == null;
    }

    Duration took() {
      return Duration.between(sent, done == null ? Instant.now() : done);
    }

    boolean late() {
      return took().compareTo(ANSWER_BOUND) > 0;
    }

    boolean refused() {
      return status == 503 || status == 429;
    }

    /**
     * No answer (a failed connection, a timeout), or one a well-behaved player must never get: any
     * 4xx or 5xx but the refusals to come back later.
     */
    boolean error() {
      return status == 0 || (status >= 400 && !refused());
    }
  }

  /**
   * A started action: its user, the nonce inside its action token and, once acknowledged (a 2xx
   * complete, maybe a replay), the event id command-api returned.
   */
  static final class Action {
    final String userId;
    final String nonce;
    private volatile String eventId;
    private volatile long newScore;
    private volatile boolean replayed;
    private volatile Instant acknowledgedAt;

    Action(String userId, String nonce) {
      this.userId = userId;
      this.nonce = nonce;
    }

    void acknowledged(String eventId, long newScore, boolean replayed) {
      this.newScore = newScore;
      this.replayed = replayed;
      this.acknowledgedAt = Instant.now();
      this.eventId = eventId; // last: readers test it first
    }

    String eventId() {
      return eventId;
    }

    boolean isAcknowledged() {
      return eventId != null;
    }

    long newScore() {
      return newScore;
    }

    boolean replayed() {
      return replayed;
    }

    Instant acknowledgedAt() {
      return acknowledgedAt;
    }
  }

  /**
   * What the players saw between two instants.
   *
   * @param latePaths how many late requests each path had
   */
  record Tally(
      long acknowledged,
      long replays,
      long refused,
      long errors,
      long late,
      Duration slowest,
      Map<String, Long> latePaths) {}

  private final Collection<Request> requests = new ConcurrentLinkedQueue<>();
  private final Collection<Action> actions = new ConcurrentLinkedQueue<>();

  Request sent(String path) {
    Request request = new Request(path);
    requests.add(request);
    return request;
  }

  Action started(String userId, String nonce) {
    Action action = new Action(userId, nonce);
    actions.add(action);
    return action;
  }

  List<Action> acknowledged() {
    return actions.stream().filter(Action::isAcknowledged).toList();
  }

  /** Nonces of every started action, acknowledged or not. */
  Set<String> nonces() {
    return actions.stream().map(a -> a.nonce).collect(Collectors.toSet());
  }

  Set<String> users() {
    return actions.stream().map(a -> a.userId).collect(Collectors.toSet());
  }

  long acknowledgedSince(Instant from) {
    return actions.stream()
        .filter(a -> a.isAcknowledged() && !a.acknowledgedAt().isBefore(from))
        .count();
  }

  /** Requests sent at or after {@code from} that have no answer yet. */
  long pendingSince(Instant from) {
    return requests.stream().filter(r -> r.pending() && !r.sent.isBefore(from)).count();
  }

  /**
   * Actions acknowledged, and requests refused, failed or answered later than {@link
   * #ANSWER_BOUND}, among those sent in {@code [from, to)}; the slowest answer among them.
   */
  Tally tally(Instant from, Instant to) {
    List<Request> window =
        requests.stream().filter(r -> !r.sent.isBefore(from) && r.sent.isBefore(to)).toList();
    List<Action> acked =
        actions.stream()
            .filter(a -> a.isAcknowledged() && !a.acknowledgedAt().isBefore(from))
            .filter(a -> a.acknowledgedAt().isBefore(to))
            .toList();
    return new Tally(
        acked.size(),
        acked.stream().filter(Action::replayed).count(),
        window.stream().filter(Request::refused).count(),
        window.stream().filter(Request::error).count(),
        window.stream().filter(Request::late).count(),
        window.stream().map(Request::took).max(Duration::compareTo).orElse(Duration.ZERO),
        window.stream()
            .filter(Request::late)
            .collect(Collectors.groupingBy(r -> r.path, TreeMap::new, Collectors.counting())));
  }
}
