package dev.livescoreboard.command.anomaly;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.toList;

import dev.livescoreboard.command.admin.UserAdministration;
import dev.livescoreboard.command.system.LongTransactions;
import dev.livescoreboard.command.user.UserStatus;
import dev.livescoreboard.command.user.Users;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * One scan: runs the rules and opens a flag per finding, freezing the user too when {@code
 * auto-freeze} is on, all in one transaction under the scan lock. Its aggregates over the lookback
 * may run longer than a request's statement, so the transaction has the jobs' bound ({@link
 * LongTransactions}).
 */
@Service
class AnomalyScan {

  /** The audit actor of a freeze the job did on its own. */
  static final String ACTOR = "anomaly-job";

  private static final Logger log = LoggerFactory.getLogger(AnomalyScan.class);

  private final AnomalyRules rules;
  private final AnomalyFlags flags;
  private final Users users;
  private final UserAdministration administration;
  private final AnomalySettings settings;
  private final LongTransactions transactions;
  private final Clock clock;

  AnomalyScan(
      AnomalyRules rules,
      AnomalyFlags flags,
      Users users,
      UserAdministration administration,
      AnomalySettings settings,
      LongTransactions transactions,
      Clock clock) {
    this.rules = rules;
    this.flags = flags;
    this.users = users;
    this.administration = administration;
    this.settings = settings;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** Scans now; returns the flags it opened (none while another instance is scanning). */
  List<Flag> run() {
    return transactions.execute(
        status -> {
          if (!flags.tryScanLock()) {
            return List.of();
          }
          Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
          List<Flag> opened = new ArrayList<>();
          for (Suspicion suspicion : rules.find(now)) {
            flags.open(suspicion, now).ifPresent(opened::add);
          }
          if (settings.autoFreeze()) {
            opened.stream()
                .collect(groupingBy(Flag::userId, LinkedHashMap::new, toList()))
                .forEach(this::freeze);
          }
          return opened;
        });
  }

  private void freeze(String userId, List<Flag> reasons) {
    // The rules judge active users only; one erased since then has nobody left to freeze.
    if (users.find(userId).filter(u -> u.status() == UserStatus.ACTIVE).isEmpty()) {
      log.info("anomaly auto-freeze skipped user {}: no longer active", userId);
      return;
    }
    // The freeze endpoint's own path: the user leaves the boards the same way, audited once.
    administration.changeStatus(
        ACTOR,
        userId,
        UserStatus.FROZEN,
        "auto-freeze: " + reasons.stream().map(Flag::reason).collect(Collectors.joining(", ")),
        Map.of("flagIds", reasons.stream().map(Flag::id).toList()));
  }
}
