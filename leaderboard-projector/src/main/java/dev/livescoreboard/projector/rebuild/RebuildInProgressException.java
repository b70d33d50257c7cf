package dev.livescoreboard.projector.rebuild;

/** Another rebuild of the same board+season (here or on another instance) holds the marker. */
class RebuildInProgressException extends RuntimeException {

  RebuildInProgressException(BoardSeason board) {
    super("a rebuild of " + board + " is already running");
  }
}
