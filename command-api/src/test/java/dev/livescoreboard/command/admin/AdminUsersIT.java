package dev.livescoreboard.command.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livescoreboard.command.CommandApiTestBase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdminUsersIT extends CommandApiTestBase {

  @Test
  void bulkProvisioningCreatesThenUpdates() {
    String a = newUserId();
    String b = newUserId();
    Map<String, Object> body =
        Map.of(
            "users",
            List.of(
                Map.of("userId", a, "displayName", "Alice"),
                Map.of("userId", b, "displayName", "Bob B.", "public", false)));

    Response first = post("/api/v1/admin/users", adminToken(), body);
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.body().path("received").asInt()).isEqualTo(2);
    assertThat(first.body().path("created").asInt()).isEqualTo(2);
    assertThat(first.body().path("updated").asInt()).isZero();

    Response again =
        post(
            "/api/v1/admin/users",
            adminToken(),
            Map.of("users", List.of(Map.of("userId", a, "displayName", "Alice2"))));
    assertThat(again.body().path("created").asInt()).isZero();
    assertThat(again.body().path("updated").asInt()).isOne();
    assertThat(
            jdbc.sql("SELECT display_name FROM users WHERE id = ?")
                .param(a)
                .query(String.class)
                .single())
        .isEqualTo("Alice2");
    assertThat(
            jdbc.sql("SELECT public FROM users WHERE id = ?")
                .param(b)
                .query(Boolean.class)
                .single())
        .isFalse();
  }

  @Test
  void markupInDisplayNameIsRejectedAndNothingIsStored() {
    String good = newUserId();
    Response response =
        post(
            "/api/v1/admin/users",
            adminToken(),
            Map.of(
                "users",
                List.of(
                    Map.of("userId", good, "displayName", "Fine"),
                    Map.of("userId", newUserId(), "displayName", "<img src=x>"))));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
    assertThat(response.body().path("detail").asString()).contains("users[1].displayName");
    assertThat(count("SELECT count(*) FROM users WHERE id = ?", good)).isZero();
  }
}
