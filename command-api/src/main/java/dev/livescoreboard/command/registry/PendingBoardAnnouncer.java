package dev.livescoreboard.command.registry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/** At startup, announces the boards that migrations created or changed ({@code global} first). */
@Component
class PendingBoardAnnouncer {

  private static final Logger log = LoggerFactory.getLogger(PendingBoardAnnouncer.class);

  private final BoardRegistry registry;

  PendingBoardAnnouncer(BoardRegistry registry) {
    this.registry = registry;
  }

  @EventListener(ApplicationReadyEvent.class)
  void announce() {
    try {
      int announced = registry.announcePending();
      if (announced > 0) {
        log.info("announced {} board definitions to the read model", announced);
      }
    } catch (DataAccessException e) {
      // The rows stay pending; the next start of any instance announces them.
      log.warn("could not announce pending boards: {}", e.getMostSpecificCause().toString());
    }
  }
}
