package dev.livescoreboard.gateway.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebSocketPathTest {

  @Test
  void matchesWhatNettysHandshakerWouldUpgrade() {
    assertThat(WebSocketPath.matches("/ws")).isTrue();
    assertThat(WebSocketPath.matches("/ws?board=global")).isTrue();
    assertThat(WebSocketPath.matches("/ws/anything")).isTrue();
    assertThat(WebSocketPath.matches("/wsx")).isFalse();
    assertThat(WebSocketPath.matches("/api/ws")).isFalse();
  }
}
