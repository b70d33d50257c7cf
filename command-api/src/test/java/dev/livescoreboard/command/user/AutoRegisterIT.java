package dev.livescoreboard.command.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livescoreboard.command.RulesTestBase;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = "scoreboard.users.auto-register=true")
class AutoRegisterIT extends RulesTestBase {

  @Test
  void startRegistersAnUnknownUserSoStartAndCompleteAgree() {
    String user = newUserId();
    String bearer = tokenFor(user);

    Response started = post("/api/v1/actions", bearer, Map.of("actionType", "WIN_MATCH"));

    assertThat(started.status()).isEqualTo(201);
    assertThat(count("SELECT count(*) FROM users WHERE id = ? AND status = 'active'", user))
        .isOne();
    Response completed = complete(bearer, started.body().path("actionToken").asString());
    assertThat(completed.status()).isEqualTo(200);
    assertThat(completed.body().path("newScore").asLong()).isEqualTo(20);
  }

  @Test
  void profileRegistersAnUnknownUserToo() {
    String user = newUserId();

    Response me = get("/api/v1/users/me", tokenFor(user));

    assertThat(me.status()).isEqualTo(200);
    assertThat(me.body().path("userId").asString()).isEqualTo(user);
    assertThat(me.body().path("displayName").asString()).startsWith("Player");
  }

  @Test
  void frozenUsersAreNotReRegistered() {
    String user = newUserId();
    provision(user);
    jdbc.sql("UPDATE users SET status = 'frozen' WHERE id = ?").param(user).update();

    Response started = post("/api/v1/actions", tokenFor(user), Map.of("actionType", "WIN_MATCH"));

    assertThat(started.status()).isEqualTo(403);
    assertThat(started.code()).isEqualTo("USER_FROZEN");
  }

  @Test
  void erasedUsersAreNeverReRegistered() {
    String user = newUserId();
    String bearer = tokenFor(user);
    assertThat(post("/api/v1/actions", bearer, Map.of("actionType", "WIN_MATCH")).status())
        .isEqualTo(201);
    assertThat(post("/api/v1/admin/users/" + user + "/erase", adminToken(), "").status())
        .isEqualTo(200);

    Response started = post("/api/v1/actions", bearer, Map.of("actionType", "WIN_MATCH"));
    Response me = get("/api/v1/users/me", bearer);

    assertThat(started.status()).isEqualTo(404);
    assertThat(started.code()).isEqualTo("USER_NOT_FOUND");
    assertThat(me.status()).isEqualTo(404);
    assertThat(
            count(
                "SELECT count(*) FROM users WHERE id = ? AND status = 'erased'"
                    + " AND display_name = 'Erased user'",
                user))
        .isOne();
  }
}
