package dev.livescoreboard.testsupport;

import dev.livescoreboard.infra.devauth.DevAuthServer;

/** The dev auth server for tests: a JWKS endpoint and RS256 user tokens, one per test JVM. */
public final class TestAuth {

  private static DevAuthServer shared;

  private TestAuth() {}

  /** The JVM's auth server, started on first use on a free port. */
  public static synchronized DevAuthServer shared() {
    if (shared == null) {
      DevAuthServer server = DevAuthServer.start(0);
      Runtime.getRuntime().addShutdownHook(new Thread(server::close));
      shared = server;
    }
    return shared;
  }
}
