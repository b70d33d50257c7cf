package dev.livescoreboard.system.drill;

import dev.livescoreboard.infra.LocalStack;
import java.util.List;

/** What a fault may use: the stack it breaks, the load running on it and the live viewers. */
record DrillContext(
    LocalStack stack, SteadyLoad load, List<Viewer> viewers, DrillSettings settings) {}
