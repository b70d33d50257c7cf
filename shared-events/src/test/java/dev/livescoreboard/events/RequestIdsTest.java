package dev.livescoreboard.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestIdsTest {

  @Test
  void aShortPlainTokenIsTakenOver() {
    assertThat(RequestIds.resolve("req-1.a:B_2")).isEqualTo("req-1.a:B_2");
  }

  @Test
  void anythingElseGetsANewVersion4Uuid() {
    for (String bad : new String[] {null, "", "a b", "x".repeat(65), "<script>", "id\nforged"}) {
      String id = RequestIds.resolve(bad);
      assertThat(id).isNotEqualTo(bad);
      UUID uuid = UUID.fromString(id);
      assertThat(uuid.version()).isEqualTo(4);
      assertThat(uuid.variant()).isEqualTo(2);
    }
    assertThat(RequestIds.newId()).isNotEqualTo(RequestIds.newId());
  }
}
