package dev.livescoreboard.bench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The goodput curve as a PNG: x is the offered rate, the left axis actions per second (goodput,
 * refused fast, and the offered rate itself as the diagonal a perfect system would follow), the
 * right axis the p99 of admitted completes in milliseconds with its 200 ms target.
 */
public final class CurvePlot {

  /**
   * One step of the curve.
   *
   * @param offered actions offered per second
   * @param goodput actions per second that were good (within the SLO)
   * @param refused actions per second refused with 503 or 429
   * @param admittedP99Ms p99 of the completes answered 200 ({@code NaN}: none)
   */
  public record Point(double offered, double goodput, double refused, double admittedP99Ms) {}

  private static final int WIDTH = 1000;
  private static final int HEIGHT = 600;

  private CurvePlot() {}

  /** Admitted writes keep their p99 within this (issue 15); drawn on the latency axis. */
  private static final double P99_TARGET_MS = 200;

  static void write(Path png, String title, List<Point> points) throws IOException {
    System.setProperty("java.awt.headless", "true");
    XYSeries offered = new XYSeries("offered", true, true);
    XYSeries goodput = new XYSeries("goodput (2xx within the SLO)", true, true);
    XYSeries refused = new XYSeries("refused fast (503/429)", true, true);
    XYSeries p99 = new XYSeries("admitted complete p99 (ms, right axis)", true, true);
    for (Point p : points) {
      offered.add(p.offered(), p.offered());
      goodput.add(p.offered(), p.goodput());
      refused.add(p.offered(), p.refused());
      if (!Double.isNaN(p.admittedP99Ms())) {
        p99.add(p.offered(), p.admittedP99Ms());
      }
    }
    XYSeriesCollection rates = new XYSeriesCollection();
    rates.addSeries(goodput);
    rates.addSeries(refused);
    rates.addSeries(offered);
    XYLineAndShapeRenderer rateLines = new XYLineAndShapeRenderer(true, true);
    rateLines.setSeriesPaint(0, new Color(0x2CA02C));
    rateLines.setSeriesPaint(1, new Color(0xFF7F0E));
    rateLines.setSeriesPaint(2, Color.GRAY);
    rateLines.setSeriesStroke(0, new BasicStroke(2.5f));
    rateLines.setSeriesStroke(1, new BasicStroke(2f));
    rateLines.setSeriesStroke(
        2,
        new BasicStroke(
            1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 6}, 0));
    rateLines.setSeriesShapesVisible(2, false);
    NumberAxis x = new NumberAxis("offered actions/s");
    NumberAxis y = new NumberAxis("actions/s");
    XYPlot plot = new XYPlot(rates, x, y, rateLines);
    XYLineAndShapeRenderer latencyLine = new XYLineAndShapeRenderer(true, true);
    latencyLine.setSeriesPaint(0, new Color(0xD62728));
    latencyLine.setSeriesStroke(0, new BasicStroke(1.5f));
    NumberAxis ms = new NumberAxis("admitted complete p99 (ms)");
    plot.setRangeAxis(1, ms);
    plot.setDataset(1, new XYSeriesCollection(p99));
    plot.mapDatasetToRangeAxis(1, 1);
    plot.setRenderer(1, latencyLine);
    ValueMarker target = new ValueMarker(P99_TARGET_MS, new Color(0xD62728), new BasicStroke(1f));
    target.setLabel("p99 target " + (int) P99_TARGET_MS + " ms");
    target.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
    target.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
    plot.addRangeMarker(1, target, Layer.FOREGROUND);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH, HEIGHT);
  }
}
