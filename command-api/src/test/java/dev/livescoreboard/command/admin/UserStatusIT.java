package dev.livescoreboard.command.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livescoreboard.command.RulesTestBase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserStatusIT extends RulesTestBase {

  private Response freeze(String user) {
    return post("/api/v1/admin/users/" + user + "/freeze", adminToken(), "", Map.of());
  }

  private Response unfreeze(String user) {
    return post("/api/v1/admin/users/" + user + "/unfreeze", adminToken(), "", Map.of());
  }

  @Test
  void frozenUserCannotStartAnAction() {
    String user = newUserId();
    provision(user);
    assertThat(freeze(user).status()).isEqualTo(200);

    Response started = post("/api/v1/actions", tokenFor(user), Map.of("actionType", "WIN_MATCH"));

    assertThat(started.status()).isEqualTo(403);
    assertThat(started.code()).isEqualTo("USER_FROZEN");
  }

  @Test
  void aFreezeRefusesTheNextStartAtOnceThoughTheUserStartedJustBefore() {
    String user = newUserId();
    provision(user);
    String bearer = tokenFor(user);
    startAction(bearer, "WIN_MATCH");
    assertThat(freeze(user).status()).isEqualTo(200);

    Response started = post("/api/v1/actions", bearer, Map.of("actionType", "WIN_MATCH"));

    assertThat(started.status()).isEqualTo(403);
    assertThat(started.code()).isEqualTo("USER_FROZEN");
    assertThat(unfreeze(user).status()).isEqualTo(200);
    assertThat(post("/api/v1/actions", bearer, Map.of("actionType", "WIN_MATCH")).status())
        .isEqualTo(201);
  }

  @Test
  void freezingAfterStartRefusesTheCompleteAndUnfreezingAllowsIt() {
    String user = newUserId();
    provision(user);
    String bearer = tokenFor(user);
    String token = startAction(bearer, "WIN_MATCH");
    freeze(user);

    Response frozen = complete(bearer, token);

    assertThat(frozen.status()).isEqualTo(403);
    assertThat(frozen.code()).isEqualTo("USER_FROZEN");
    assertThat(footprint(user)).isEqualTo("0/0/0/0");

    unfreeze(user);
    // The refused complete did not use the token up.
    Response completed = complete(bearer, token);
    assertThat(completed.status()).isEqualTo(200);
    assertThat(completed.body().path("newScore").asLong()).isEqualTo(20);
  }

  @Test
  void freezeAndUnfreezeAreIdempotentAndNeedTheAdminRole() {
    String user = newUserId();
    provision(user);

    Response first = freeze(user);
    Response again = freeze(user);

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.body().path("userId").asString()).isEqualTo(user);
    assertThat(first.body().path("status").asString()).isEqualTo("frozen");
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.body().path("status").asString()).isEqualTo("frozen");
    assertThat(unfreeze(user).body().path("status").asString()).isEqualTo("active");
    assertThat(unfreeze(user).body().path("status").asString()).isEqualTo("active");

    Response notAdmin =
        post("/api/v1/admin/users/" + user + "/freeze", tokenFor(user), "", Map.of());
    assertThat(notAdmin.status()).isEqualTo(403);
    assertThat(count("SELECT count(*) FROM users WHERE id = ? AND status = 'active'", user))
        .isOne();
  }

  @Test
  void freezingAnUnknownUserIsNotFound() {
    Response unknown = freeze(newUserId());

    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.code()).isEqualTo("USER_NOT_FOUND");
  }

  @Test
  void unknownUserCannotStartAnActionWithoutAutoRegistration() {
    String user = newUserId();

    Response started = post("/api/v1/actions", tokenFor(user), Map.of("actionType", "WIN_MATCH"));

    assertThat(started.status()).isEqualTo(404);
    assertThat(started.code()).isEqualTo("USER_NOT_FOUND");
    assertThat(count("SELECT count(*) FROM users WHERE id = ?", user)).isZero();
  }

  @Test
  void usersWhoOptedOutAppearAsAnonymousInEvents() {
    String hidden = newUserId();
    String shown = newUserId();
    Response provisioned =
        post(
            "/api/v1/admin/users",
            adminToken(),
            Map.of(
                "users",
                List.of(
                    Map.of("userId", hidden, "displayName", "Secret Sam", "public", false),
                    Map.of("userId", shown, "displayName", "Open Olga", "public", true))));
    assertThat(provisioned.status()).isEqualTo(200);

    for (String user : List.of(hidden, shown)) {
      String bearer = tokenFor(user);
      assertThat(complete(bearer, startAction(bearer, "WIN_MATCH")).status()).isEqualTo(200);
    }

    assertThat(displayNameInEvent(hidden)).isEqualTo("Anonymous");
    assertThat(displayNameInEvent(shown)).isEqualTo("Open Olga");
    Response me = get("/api/v1/users/me", tokenFor(hidden));
    assertThat(me.body().path("displayName").asString()).isEqualTo("Secret Sam");
    assertThat(me.body().path("public").asBoolean()).isFalse();
  }

  private String displayNameInEvent(String user) {
    String payload =
        jdbc.sql("SELECT payload FROM outbox WHERE aggregateid = ?")
            .param("global:" + user)
            .query(String.class)
            .single();
    return JSON.readTree(payload).path("displayName").asString();
  }
}
