package dev.livescoreboard.command.admission;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Admitted and refused write requests, and the limiter's state: the current limit, the requests
 * holding a permit and those waiting for one.
 */
final class AdmissionMetrics {

  private final Counter admitted;
  private final Counter refused;

  AdmissionMetrics(MeterRegistry registry, AdmissionControl control) {
    admitted =
        Counter.builder("scoreboard.admission.admitted")
            .description("Write requests that got a permit and were handed on")
            .register(registry);
    refused =
        Counter.builder("scoreboard.admission.refused")
            .description("Write requests refused with 503 because no permit was free in time")
            .register(registry);
    Gauge.builder("scoreboard.admission.limit", control, AdmissionControl::limit)
        .description("The adaptive limit of concurrent admitted write requests")
        .register(registry);
    Gauge.builder("scoreboard.admission.in.flight", control, AdmissionControl::inFlight)
        .description("Write requests holding a permit")
        .register(registry);
    Gauge.builder("scoreboard.admission.waiting", control, AdmissionControl::waiting)
        .description("Write requests waiting for a permit")
        .register(registry);
  }

  void admitted() {
    admitted.increment();
  }

  void refused() {
    refused.increment();
  }
}
