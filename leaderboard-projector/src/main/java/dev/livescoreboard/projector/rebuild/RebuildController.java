package dev.livescoreboard.projector.rebuild;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /admin/rebuild?board=&season=}: rebuilds one board+season from PostgreSQL and answers
 * with counts and duration. Requires the admin JWT (the {@code auth} package's interceptor), and is
 * served on the projector's internal port only (like actuator); never expose that port publicly.
 */
@RestController
class RebuildController {

  private final LeaderboardRebuilder rebuilder;

  RebuildController(LeaderboardRebuilder rebuilder) {
    this.rebuilder = rebuilder;
  }

  @PostMapping("/admin/rebuild")
  RebuildResult rebuild(@RequestParam String board, @RequestParam String season) {
    return rebuilder.rebuild(new BoardSeason(board, season), "manual");
  }
}
