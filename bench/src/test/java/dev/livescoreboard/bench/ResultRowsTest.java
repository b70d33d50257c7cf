package dev.livescoreboard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livescoreboard.bench.http.Histograms;
import dev.livescoreboard.bench.report.Row;
import dev.livescoreboard.bench.sse.SseResults;
import dev.livescoreboard.bench.ws.PersonalResults;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class ResultRowsTest {

  private static Histogram ms(long... millis) {
    Histogram h = Histograms.plain();
    for (long m : millis) {
      Histograms.record(h, m * 1000);
    }
    return h;
  }

  @Test
  void sseRowsSayHowManyReadersGotTheirSnapshotAndTheirLatencies() {
    List<Row> rows =
        ResultRows.sseRows(new SseResults(10, 9, 1, "HTTP 429", 1, 42, ms(5, 7), ms(3)));

    assertThat(rows)
        .extracting(Row::metric)
        .containsExactly(
            "SSE readers",
            "SSE e2e propagation (event − sourceCommittedAt)",
            "SSE complete response → update (each reader)");
    assertThat(rows.get(0).measured())
        .isEqualTo("9 of 10 have their snapshot; 42 update events received");
    assertThat(rows.get(0).verdict())
        .isEqualTo("1 streams ended by the server; 1 refused (first: HTTP 429)");
    assertThat(rows.get(2).measured()).contains("n=1");
  }

  @Test
  void personalRowsCountRankChangedAndOvertaken() {
    List<Row> rows = ResultRows.personalRows(new PersonalResults(50, 50, 120, 30, ms(12, 14)));

    assertThat(rows.get(0).measured())
        .isEqualTo("50 of 50 players connected; 120 RANK_CHANGED received (30 overtaken)");
    assertThat(rows.get(1).metric()).isEqualTo("complete response → own RANK_CHANGED");
    assertThat(rows.get(1).measured()).contains("n=2");
  }
}
