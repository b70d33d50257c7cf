package dev.livescoreboard.infra.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class FreePortsTest {

  @Test
  void anyFreePortIsBelowTheEphemeralRangeSoNoOutgoingConnectionTakesItDuringARestart()
      throws Exception {
    for (int i = 0; i < 20; i++) {
      int port = FreePorts.pick(0);

      assertThat(port).isBetween(10_000, FreePorts.ephemeralStart() - 1);
      try (ServerSocket bound = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        assertThat(bound.getLocalPort()).isEqualTo(port);
      }
    }
  }

  @Test
  void aPreferredPortInUseIsRefused() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertThatThrownBy(() -> FreePorts.pick(taken.getLocalPort())).hasMessageContaining("in use");
    }
  }
}
