package dev.livescoreboard.command;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The rules that keep the write path honest. */
class ArchitectureTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.livescoreboard.command");

  @Test
  void packagesHaveNoCycles() {
    slices().matching("dev.livescoreboard.command.(*)..").should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void onlyTheOutboxTalksToKafka() {
    noClasses()
        .that()
        .resideOutsideOfPackage("..command.outbox..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework.kafka..", "org.apache.kafka..")
        .check(CLASSES);
  }

  @Test
  void nothingTalksToRedisForScores() {
    // Redis holds only rate-limit windows and revoked token ids here, never scores or nonces.
    noClasses()
        .that()
        .resideInAnyPackage(
            "..command.score..",
            "..command.action..",
            "..command.user..",
            "..command.board..",
            "..command.outbox..",
            "..command.admin..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("redis.clients..")
        .check(CLASSES);
  }

  @Test
  void problemsAndBoardsDependOnNoOtherFeature() {
    noClasses()
        .that()
        .resideInAnyPackage("..command.problem..", "..command.board..", "..command.user..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "..command.action..",
            "..command.score..",
            "..command.outbox..",
            "..command.admin..",
            "..command.auth..")
        .check(CLASSES);
  }

  @Test
  void controllersDoNotWriteTheOutbox() {
    noClasses()
        .that()
        .haveSimpleNameEndingWith("Controller")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("..command.outbox..")
        .check(CLASSES);
  }

  @Test
  void accessTokensAreVerifiedOnlyBySharedAuth() {
    // One access-token verification for every service (shared-auth), not copies that drift; the
    // action package signs and checks command-api's own action tokens with nimbus.
    noClasses()
        .that()
        .resideInAPackage("..command.auth..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("com.nimbusds..")
        .check(CLASSES);
  }
}
