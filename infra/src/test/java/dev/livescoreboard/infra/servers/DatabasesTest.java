package dev.livescoreboard.infra.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabasesTest {

  @Test
  void databaseNameIsReplacedAndQueryKept() {
    assertThat(Databases.withDatabase("jdbc:postgresql://db:5432/postgres?ssl=true", "lb_1"))
        .isEqualTo("jdbc:postgresql://db:5432/lb_1?ssl=true");
    assertThat(Databases.withDatabase("jdbc:postgresql://127.0.0.1:5432/postgres", "lb_1"))
        .isEqualTo("jdbc:postgresql://127.0.0.1:5432/lb_1");
  }

  @Test
  void namesThatWouldNeedQuotingAreRefusedBeforeConnecting() {
    assertThatThrownBy(() -> Databases.createIfMissing("jdbc:unused", "u", "p", "x; DROP"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
