package dev.livescoreboard.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.livescoreboard.gateway");

  @Test
  void gatewayHasNoSpring() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.springframework..")
        .check(classes);
  }

  @Test
  void eventLoopCodeNeverTalksToRedisDirectly() {
    // Handlers run on event loops; Redis calls block, so they live behind LeaderboardStore and
    // RankReads.
    noClasses()
        .that()
        .resideInAnyPackage(
            "..gateway.http..",
            "..gateway.websocket..",
            "..gateway.board..",
            "..gateway.rank..",
            "..gateway.personal..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("redis.clients..")
        .check(classes);
  }

  @Test
  void featurePackagesHaveNoCycles() {
    slices().matching("dev.livescoreboard.gateway.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void tokensAreVerifiedOnlyBySharedAuth() {
    // One JWT verification implementation for every service (shared-auth), not copies that drift.
    noClasses().should().dependOnClassesThat().resideInAPackage("com.nimbusds..").check(classes);
  }
}
