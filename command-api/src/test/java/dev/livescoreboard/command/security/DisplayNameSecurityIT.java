package dev.livescoreboard.command.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livescoreboard.testsupport.UniqueNames;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Markup in display names: the rule (1–32 letters, digits, spaces, {@code _-.}) refuses it with a
 * 400 naming the field, so no markup is ever stored or sent back; names the rule allows are stored
 * and returned exactly as given.
 */
class DisplayNameSecurityIT extends SecurityTestBase {

  private static final List<String> MARKUP =
      List.of(
          "<script>alert(1)</script>",
          "<img src=x onerror=alert(1)>",
          "<svg/onload=alert(1)>",
          "\"><b>hi</b>",
          "javascript:alert(1)",
          "Bob&lt;script&gt;",
          "Eve\u202eexe.gpj",
          "Tab\tName",
          "{{7*7}}",
          "${jndi:ldap://x}");

  private Exchange provision(String userId, String displayName) {
    return provisionAsAdmin(Map.of("userId", userId, "displayName", displayName));
  }

  @Test
  void markupInADisplayNameIsRefusedByName() {
    for (String name : MARKUP) {
      String user = newUserId();
      refusedUnchanged(400, "VALIDATION_FAILED", () -> provision(user, name))
          .assertDetailNames("displayName");
      assertThat(count("SELECT count(*) FROM users WHERE id = ?", user)).isZero();
    }
  }

  @Test
  void renamingToMarkupIsRefusedAndKeepsTheOldName() {
    String user = newUserId();
    assertThat(provision(user, "Plain Name").status()).isEqualTo(200);

    refusedUnchanged(400, "VALIDATION_FAILED", () -> provision(user, "<b>Bold</b>"))
        .assertDetailNames("displayName");
    assertThat(
            jdbc.sql("SELECT display_name FROM users WHERE id = ?")
                .param(user)
                .query(String.class)
                .single())
        .isEqualTo("Plain Name");
  }

  @Test
  void oneBadNameRefusesTheWholeBatch() {
    String good = newUserId();
    String bad = newUserId();

    refusedUnchanged(
            400,
            "VALIDATION_FAILED",
            () ->
                provisionAsAdmin(
                    Map.of("userId", good, "displayName", "Fine"),
                    Map.of("userId", bad, "displayName", "<i>x</i>")))
        .assertDetailNames("displayName");
    assertThat(count("SELECT count(*) FROM users WHERE id IN (?, ?)", good, bad)).isZero();
  }

  @Test
  void namesTheRuleAllowsAreStoredAndReturnedVerbatim() {
    for (String name : List.of("Zoë O.Brien", "プレイヤー 1", "x_X-x.X", "Ünïcödé")) {
      String user = UniqueNames.of("name");
      assertThat(provision(user, name).status()).isEqualTo(200);
      assertThat(
              jdbc.sql("SELECT display_name FROM users WHERE id = ?")
                  .param(user)
                  .query(String.class)
                  .single())
          .isEqualTo(name);
      Exchange completed =
          postJson(
              COMPLETE,
              tokenFor(user),
              json(Map.of("actionToken", startAction(tokenFor(user), "COMPLETE_LEVEL"))));
      assertThat(completed.status()).isEqualTo(200);
      completed.assertLeaksNothing();
      Exchange profile = fetch("/api/v1/users/me", tokenFor(user));
      assertThat(profile.status()).isEqualTo(200);
      assertThat(profile.json().path("displayName").asString()).isEqualTo(name);
      profile.assertLeaksNothing();
    }
  }

  @Test
  void markupInAFieldNameIsNotEchoedBack() {
    refusedUnchanged(
        400,
        "VALIDATION_FAILED",
        () ->
            postJson(
                PROVISION,
                adminToken(),
                "{\"users\":[{\"userId\":\"u\",\"displayName\":\"Ok\",\"<script>x</script>\":1}]}"));
  }
}
