package dev.livescoreboard.bench.report;

import java.util.List;

/** The results table as Markdown (for the report) and as aligned text (for the console). */
public final class ResultTable {

  private static final String[] HEADER = {"metric", "target", "measured", "vs target / ceiling"};

  private ResultTable() {}

  public static String markdown(List<Row> rows) {
    return markdown(List.of(HEADER), rows.stream().map(ResultTable::cells).toList());
  }

  public static String text(List<Row> rows) {
    return text(List.of(HEADER), rows.stream().map(ResultTable::cells).toList());
  }

  /** Any table: one header cell and one cell per column in each row. */
  public static String markdown(List<String> header, List<List<String>> rows) {
    StringBuilder md = new StringBuilder();
    md.append("| ").append(String.join(" | ", header)).append(" |\n");
    md.append("|").append(" --- |".repeat(header.size())).append('\n');
    for (List<String> r : rows) {
      md.append("| ")
          .append(String.join(" | ", r.stream().map(ResultTable::cell).toList()))
          .append(" |\n");
    }
    return md.toString();
  }

  /** Any table as aligned text. */
  public static String text(List<String> header, List<List<String>> rows) {
    int[] width = new int[header.size()];
    for (int i = 0; i < width.length; i++) {
      width[i] = header.get(i).length();
    }
    for (List<String> r : rows) {
      for (int i = 0; i < r.size(); i++) {
        width[i] = Math.max(width[i], r.get(i).length());
      }
    }
    StringBuilder out = new StringBuilder();
    line(out, header, width);
    for (List<String> r : rows) {
      line(out, r, width);
    }
    return out.toString();
  }

  private static void line(StringBuilder out, List<String> cells, int[] width) {
    for (int i = 0; i < cells.size(); i++) {
      out.append(String.format("%-" + width[i] + "s", cells.get(i)));
      out.append(i + 1 < cells.size() ? "  " : "\n");
    }
  }

  private static List<String> cells(Row r) {
    return List.of(r.metric(), r.target(), r.measured(), r.verdict());
  }

  /** Pipes would end the cell early. */
  private static String cell(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }
}
