package dev.livescoreboard.bench.metrics;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Scrapes the services' Prometheus endpoints at the start and at the end of the measured window, so
 * a histogram's buckets or a counter can be differenced to what happened inside it. A service that
 * does not answer (or an older jar without the endpoint) simply has no scrape.
 */
public final class PrometheusWindow {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final Map<String, URI> endpoints;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private final Map<String, String> atBegin = new ConcurrentHashMap<>();
  private final Map<String, String> atEnd = new ConcurrentHashMap<>();

  /**
   * @param endpoints service name → its Prometheus endpoint
   */
  public PrometheusWindow(Map<String, URI> endpoints) {
    this.endpoints = new LinkedHashMap<>(endpoints);
  }

  public void begin() {
    endpoints.forEach((service, url) -> scrape(url).ifPresent(text -> atBegin.put(service, text)));
  }

  public void end() {
    endpoints.forEach((service, url) -> scrape(url).ifPresent(text -> atEnd.put(service, text)));
  }

  /**
   * {@code metric} of {@code service} over the window; empty when a scrape failed or the metric has
   * no buckets.
   */
  public Optional<BucketHistogram> histogram(String service, String metric) {
    if (!atBegin.containsKey(service) || !atEnd.containsKey(service)) {
      return Optional.empty();
    }
    Optional<BucketHistogram> end = BucketHistogram.parse(atEnd.get(service), metric);
    BucketHistogram begin =
        BucketHistogram.parse(atBegin.get(service), metric)
            .orElse(new BucketHistogram(new java.util.TreeMap<>(), 0, 0));
    return end.map(e -> e.since(begin));
  }

  /** How much counter {@code metric} of {@code service} grew in the window (summed over series). */
  public Optional<Double> counterDelta(String service, String metric) {
    Optional<Double> begin = sample(atBegin, service, metric, "");
    return sample(atEnd, service, metric, "").map(end -> end - begin.orElse(0.0));
  }

  /** Gauge {@code metric} of {@code service} at the window's start and end (series summed). */
  public Optional<Gauge> gauge(String service, String metric, String labelFragment) {
    Optional<Double> begin = sample(atBegin, service, metric, labelFragment);
    Optional<Double> end = sample(atEnd, service, metric, labelFragment);
    return begin.isPresent() && end.isPresent()
        ? Optional.of(new Gauge(begin.get(), end.get()))
        : Optional.empty();
  }

  /** A gauge's value at the window's start and at its end. */
  public record Gauge(double begin, double end) {}

  private static Optional<Double> sample(
      Map<String, String> scrapes, String service, String metric, String labels) {
    String text = scrapes.get(service);
    return text == null ? Optional.empty() : PrometheusSamples.sum(text, metric, labels);
  }

  private Optional<String> scrape(URI url) {
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(TIMEOUT)
            .header("Accept", "text/plain;version=0.0.4")
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
