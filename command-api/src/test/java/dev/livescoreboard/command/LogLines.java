package dev.livescoreboard.command;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSON log lines (one object per line, application.yml's structured format) of an output. */
public final class LogLines {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private LogLines() {}

  /** Every line of {@code output} that is a JSON object, parsed; other lines are skipped. */
  public static List<JsonNode> of(String output) {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : output.split("\n")) {
      if (line.startsWith("{")) {
        try {
          lines.add(JSON.readTree(line));
        } catch (JacksonException e) {
          // Not a log line (something else printed a brace), or cut off mid-capture.
        }
      }
    }
    return lines;
  }
}
