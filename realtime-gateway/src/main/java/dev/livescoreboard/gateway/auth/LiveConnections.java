package dev.livescoreboard.gateway.auth;

import dev.livescoreboard.auth.revocation.LocalDenylist;
import io.netty.channel.Channel;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The authenticated connections of every transport (WebSocket, SSE), found by their token's {@code
 * jti} so that a revocation closes them: each transport registers a connection once it is open,
 * with what closing it the transport's way means ({@code onRevoked}: a WebSocket close 4001, the
 * end of an SSE stream). The revocation feed calls {@link #revoked} for every revocation it learns;
 * each matching connection's {@code onRevoked} then runs on that connection's event loop. A
 * connection leaves on its own when its channel closes.
 *
 * <p>Indexed by {@code jti} rather than scanned: a revocation costs one map lookup however many
 * connections are open, and the reload of all revocations after a Redis reconnect stays cheap. A
 * revocation that lands between the connect-time check and {@link #register} is caught by the
 * register-time look at the local denylist. Thread-safe.
 */
public final class LiveConnections {

  private static final Logger log = LoggerFactory.getLogger(LiveConnections.class);

  private final LocalDenylist denylist;
  private final Map<String, Set<Registration>> byTokenId = new ConcurrentHashMap<>();

  private record Registration(Channel channel, Runnable onRevoked) {}

  public LiveConnections(LocalDenylist denylist) {
    this.denylist = denylist;
  }

  /**
   * Keeps {@code channel} findable by its principal's token until it closes. Anonymous viewers and
   * tokens without {@code jti} cannot be revoked and are not kept. Call from any thread.
   *
   * @param onRevoked closes the connection the transport's way; runs on the channel's event loop,
   *     at most once
   */
  public void register(Channel channel, Principal principal, Runnable onRevoked) {
    String jti = principal.tokenId();
    if (principal.isAnonymous() || jti == null) {
      return;
    }
    Registration registration = new Registration(channel, onRevoked);
    byTokenId.computeIfAbsent(jti, id -> ConcurrentHashMap.newKeySet()).add(registration);
    channel.closeFuture().addListener(closed -> forget(jti, registration));
    if (denylist.contains(jti)) {
      revoked(jti);
    }
  }

  /** Closes every open connection of {@code jti}; called by the revocation feed. */
  public void revoked(String jti) {
    Set<Registration> open = byTokenId.remove(jti);
    if (open == null) {
      return;
    }
    log.info("closing {} connection(s) of a revoked token", open.size());
    for (Registration registration : open) {
      Channel channel = registration.channel();
      channel
          .eventLoop()
          .execute(
              () -> {
                if (channel.isActive()) {
                  registration.onRevoked().run();
                }
              });
    }
  }

  /** Open connections that a revocation could close (tests, metrics). */
  public int size() {
    return byTokenId.values().stream().mapToInt(Set::size).sum();
  }

  private void forget(String jti, Registration registration) {
    byTokenId.computeIfPresent(
        jti,
        (id, open) -> {
          open.remove(registration);
          return open.isEmpty() ? null : open;
        });
  }
}
