package dev.livescoreboard.gateway.sse;

/** The stream's path, {@code /api/v1/leaderboards/{board}/stream}, and the board segment in it. */
final class StreamPath {

  static final String PREFIX = "/api/v1/leaderboards/";
  static final String SUFFIX = "/stream";

  private StreamPath() {}

  /**
   * The raw board segment of a decoded path that names a stream (not yet checked against the id
   * rules), or {@code null} if the path is not a stream's.
   */
  static String board(String path) {
    if (!path.startsWith(PREFIX)
        || !path.endsWith(SUFFIX)
        || path.length() <= PREFIX.length() + SUFFIX.length()) {
      return null;
    }
    String board = path.substring(PREFIX.length(), path.length() - SUFFIX.length());
    return board.indexOf('/') >= 0 ? null : board;
  }
}
