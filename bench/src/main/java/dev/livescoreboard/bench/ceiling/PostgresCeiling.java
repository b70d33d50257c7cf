package dev.livescoreboard.bench.ceiling;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * The machine's ceiling for our write transaction: {@link WriteTransaction} back to back over JDBC
 * on N connections (no HTTP, no Kafka), for each N; the best rate is the ceiling.
 */
public final class PostgresCeiling {

  /**
   * @param txPerSecondByConnections committed transactions per second for each connection count
   * @param bestConnections the connection count of the best rate
   * @param bestTxPerSecond the ceiling
   * @param failures transactions that failed (should be 0)
   */
  public record Result(
      Map<Integer, Double> txPerSecondByConnections,
      int bestConnections,
      double bestTxPerSecond,
      long failures) {}

  private final String jdbcUrl;
  private final String user;
  private final String password;

  public PostgresCeiling(String jdbcUrl, String user, String password) {
    this.jdbcUrl = jdbcUrl;
    this.user = user;
    this.password = password;
  }

  public Result measure(List<Integer> connectionCounts, Duration each)
      throws SQLException, InterruptedException {
    try (Connection admin = connect()) {
      CeilingSchema.create(admin);
      try {
        Map<Integer, Double> rates = new LinkedHashMap<>();
        LongAdder failures = new LongAdder();
        for (int n : connectionCounts) {
          rates.put(n, run(n, each, failures));
        }
        var best = rates.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        return new Result(rates, best.getKey(), best.getValue(), failures.sum());
      } finally {
        CeilingSchema.drop(admin);
      }
    }
  }

  private double run(int connections, Duration each, LongAdder failures)
      throws SQLException, InterruptedException {
    List<WriteTransaction> txs = new ArrayList<>();
    for (int i = 0; i < connections; i++) {
      txs.add(new WriteTransaction(connect()));
    }
    LongAdder committed = new LongAdder();
    long end = System.nanoTime() + each.toNanos();
    List<Thread> workers = new ArrayList<>();
    for (int w = 0; w < connections; w++) {
      WriteTransaction tx = txs.get(w);
      int first = w;
      Thread t =
          new Thread(
              () -> {
                // Disjoint users per worker, as distinct players: no lock waits between workers.
                for (long k = 0; System.nanoTime() < end; k++) {
                  String userId =
                      "ceiling-" + (1 + (first + k * connections) % CeilingSchema.USERS);
                  try {
                    tx.run(userId);
                    committed.increment();
                  } catch (SQLException e) {
                    failures.increment();
                  }
                }
              },
              "pg-ceiling-" + w);
      t.start();
      workers.add(t);
    }
    for (Thread t : workers) {
      t.join();
    }
    for (WriteTransaction tx : txs) {
      tx.close();
    }
    return committed.sum() / (each.toNanos() / 1e9);
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl, user, password);
  }
}
