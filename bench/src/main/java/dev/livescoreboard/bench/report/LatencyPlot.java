package dev.livescoreboard.bench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.AbstractHistogram;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Latency by percentile as a PNG: x is {@code 1/(1-p)} on a log scale (10 = p90, 100 = p99, 1000 =
 * p99.9), y is milliseconds on a log scale, one line per histogram.
 */
final class LatencyPlot {

  private static final int WIDTH = 1000;
  private static final int HEIGHT = 600;

  private static final Color[] COLORS = {
    new Color(0xD62728),
    new Color(0x1F77B4),
    new Color(0x2CA02C),
    new Color(0x9467BD),
    new Color(0xFF7F0E),
    new Color(0x17BECF)
  };

  private LatencyPlot() {}

  /** Labels x = 1/(1-p) as the percentile it stands for: 10 → p90, 1000 → p99.9. */
  private static final class PercentileFormat extends NumberFormat {
    @Override
    public StringBuffer format(double x, StringBuffer to, FieldPosition pos) {
      double p = 100.0 * (1.0 - 1.0 / x);
      return to.append('p').append(new DecimalFormat("0.####").format(p));
    }

    @Override
    public StringBuffer format(long x, StringBuffer to, FieldPosition pos) {
      return format((double) x, to, pos);
    }

    @Override
    public Number parse(String source, ParsePosition pos) {
      throw new UnsupportedOperationException();
    }
  }

  static void write(Path png, String title, Map<String, ? extends AbstractHistogram> series)
      throws IOException {
    System.setProperty("java.awt.headless", "true");
    XYSeriesCollection data = new XYSeriesCollection();
    series.forEach(
        (name, histogram) -> {
          List<double[]> points = Percentiles.distribution(histogram);
          if (points.isEmpty()) {
            return;
          }
          XYSeries line = new XYSeries(name, false, true);
          for (double[] p : points) {
            line.add(p[0], Math.max(p[1], 0.001));
          }
          data.addSeries(line);
        });
    LogAxis x = new LogAxis("percentile (log scale of 1/(1-p))");
    x.setBase(10);
    x.setSmallestValue(1);
    x.setTickUnit(new NumberTickUnit(1.0));
    x.setNumberFormatOverride(new PercentileFormat());
    LogAxis y = new LogAxis("latency (ms)");
    y.setBase(10);
    y.setSmallestValue(0.001);
    y.setTickUnit(new NumberTickUnit(1.0));
    y.setNumberFormatOverride(new DecimalFormat("0.###"));
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    for (int i = 0; i < data.getSeriesCount(); i++) {
      renderer.setSeriesStroke(i, new BasicStroke(2f));
      renderer.setSeriesPaint(i, COLORS[i % COLORS.length]);
    }
    XYPlot plot = new XYPlot(data, x, y, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH, HEIGHT);
  }
}
