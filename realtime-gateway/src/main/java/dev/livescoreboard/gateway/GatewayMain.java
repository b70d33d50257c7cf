package dev.livescoreboard.gateway;

import dev.livescoreboard.gateway.config.GatewaySettings;

/** Starts the realtime gateway with settings from the environment; Ctrl-C stops it cleanly. */
public final class GatewayMain {

  private GatewayMain() {}

  public static void main(String[] args) {
    GatewayServer server = GatewayServer.start(GatewaySettings.fromEnvironment());
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "gateway-shutdown"));
    try {
      server.awaitClose();
    } finally {
      server.close();
    }
  }
}
