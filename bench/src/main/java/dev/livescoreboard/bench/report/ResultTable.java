package dev.livescoreboard.bench.report;

import java.util.List;

/** The results table as Markdown (for the report) and as aligned text (for the console). */
public final class ResultTable {

  private static final String[] HEADER = {"metric", "target", "measured", "vs target / ceiling"};

  private ResultTable() {}

  public static String markdown(List<Row> rows) {
    StringBuilder md = new StringBuilder();
    md.append("| ").append(String.join(" | ", HEADER)).append(" |\n");
    md.append("| --- | --- | --- | --- |\n");
    for (Row r : rows) {
      md.append("| ")
          .append(cell(r.metric()))
          .append(" | ")
          .append(cell(r.target()))
          .append(" | ")
          .append(cell(r.measured()))
          .append(" | ")
          .append(cell(r.verdict()))
          .append(" |\n");
    }
    return md.toString();
  }

  public static String text(List<Row> rows) {
    int[] width = new int[HEADER.length];
    for (int i = 0; i < HEADER.length; i++) {
      width[i] = HEADER[i].length();
    }
    for (Row r : rows) {
      String[] cells = cells(r);
      for (int i = 0; i < cells.length; i++) {
        width[i] = Math.max(width[i], cells[i].length());
      }
    }
    StringBuilder out = new StringBuilder();
    line(out, HEADER, width);
    for (Row r : rows) {
      line(out, cells(r), width);
    }
    return out.toString();
  }

  private static void line(StringBuilder out, String[] cells, int[] width) {
    for (int i = 0; i < cells.length; i++) {
      out.append(String.format("%-" + width[i] + "s", cells[i]));
      out.append(i + 1 < cells.length ? "  " : "\n");
    }
  }

  private static String[] cells(Row r) {
    return new String[] {r.metric(), r.target(), r.measured(), r.verdict()};
  }

  /** Pipes would end the cell early. */
  private static String cell(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }
}
