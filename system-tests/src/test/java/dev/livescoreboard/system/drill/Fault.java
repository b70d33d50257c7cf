package dev.livescoreboard.system.drill;

/**
 * One fault of the drills.
 *
 * @param name as the drill table shows it
 * @param hangs whether a dependency hangs meanwhile: then SPEC §10's bound applies, every request
 *     answers within {@link ActionLog#ANSWER_BOUND}
 * @param injection breaks something and repairs it again
 */
record Fault(String name, boolean hangs, Injection injection) {

  /** Breaks something, waits out the fault, repairs it; returns a note for the drill table. */
  @FunctionalInterface
  interface Injection {
    String inject(DrillContext drill) throws Exception;
  }

  @Override
  public String toString() {
    return name;
  }
}
