package dev.livescoreboard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BenchMainTest {

  @Test
  void reportedCommandQuotesArgumentsAShellWouldSplit() {
    String line =
        BenchMain.shellWords(
            new String[] {
              "--rate=400", "--service-env=command-api:A=1;command-api:B=it's", "--label=x"
            });

    assertThat(line)
        .isEqualTo("--rate=400 '--service-env=command-api:A=1;command-api:B=it'\\''s' --label=x");
  }
}
