package dev.livescoreboard.bench;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Parsers of the bench's option values; each names the option in its error message. */
final class OptionValues {

  private OptionValues() {}

  /** {@code 30s}, {@code 500ms}, {@code 2m} or plain seconds. */
  static Duration duration(String name, String value) {
    String v = value.trim();
    try {
      if (v.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
      }
      if (v.endsWith("s")) {
        return Duration.ofMillis(
            Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 1000));
      }
      if (v.endsWith("m")) {
        return Duration.ofSeconds(
            Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 60));
      }
      return Duration.ofMillis(Math.round(Double.parseDouble(v) * 1000));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " must be a duration like 30s or 500ms");
    }
  }

  /** A whole number ≥ 0. */
  static int count(String name, String value) {
    try {
      int n = Integer.parseInt(value.trim());
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // Reported below with the option's name.
    }
    throw new IllegalArgumentException("--" + name + " must be a whole number ≥ 0, got " + value);
  }

  static double positive(String name, double value) {
    if (!(value > 0)) {
      throw new IllegalArgumentException("--" + name + " must be positive");
    }
    return value;
  }

  /** {@code 100,250,500}: positive rates in ascending order; empty for an empty value. */
  static List<Double> rates(String name, String value) {
    List<Double> rates = new ArrayList<>();
    for (String item : value.split(",")) {
      if (item.isBlank()) {
        continue;
      }
      double rate;
      try {
        rate = Double.parseDouble(item.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--" + name + " takes rates like 100,250,500");
      }
      if (!(rate > 0) || (!rates.isEmpty() && rate <= rates.get(rates.size() - 1))) {
        throw new IllegalArgumentException(
            "--" + name + " rates must be positive and ascending, got " + value);
      }
      rates.add(rate);
    }
    return List.copyOf(rates);
  }

  /** {@code module:KEY=VALUE;module:KEY=VALUE} into module → env. */
  static Map<String, Map<String, String>> serviceEnv(String spec) {
    Map<String, Map<String, String>> env = new TreeMap<>();
    for (String item : spec.split(";")) {
      if (item.isBlank()) {
        continue;
      }
      int colon = item.indexOf(':');
      int eq = item.indexOf('=', colon + 1);
      if (colon < 1 || eq < colon + 2) {
        throw new IllegalArgumentException("--service-env items are module:KEY=VALUE, got " + item);
      }
      env.computeIfAbsent(item.substring(0, colon).trim(), m -> new TreeMap<>())
          .put(item.substring(colon + 1, eq).trim(), item.substring(eq + 1).trim());
    }
    return env;
  }

  /** {@code gatewayUrl,commandApiUrl,authUrl[,jdbcUrl]}. */
  static BenchOptions.RunningStack runningStack(String value) {
    List<String> parts = List.of(value.split(","));
    if (parts.size() < 3 || parts.size() > 4) {
      throw new IllegalArgumentException(
          "--target must be gatewayUrl,commandApiUrl,authUrl[,jdbcUrl] (or local)");
    }
    return new BenchOptions.RunningStack(
        URI.create(parts.get(0).trim()),
        URI.create(parts.get(1).trim()),
        URI.create(parts.get(2).trim()),
        parts.size() == 4 ? Optional.of(parts.get(3).trim()) : Optional.empty());
  }
}
