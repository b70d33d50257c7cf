package dev.livescoreboard.projector;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Rules that keep the projector's design honest. */
class ProjectorArchitectureTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.livescoreboard.projector");

  @Test
  void packagesHaveNoCycles() {
    slices()
        .matching("dev.livescoreboard.projector.(*)..")
        .should()
        .beFreeOfCycles()
        .check(CLASSES);
  }

  @Test
  void onlyProjectionRebuildScriptAndRedisPackagesTalkToRedis() {
    noClasses()
        .that()
        .resideOutsideOfPackages(
            "..projector.projection..",
            "..projector.rebuild..",
            "..projector.audit..",
            "..projector.script..",
            "..projector.redis..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("redis.clients..")
        .check(CLASSES);
  }

  @Test
  void projectionDoesNotDependOnTheRebuild() {
    noClasses()
        .that()
        .resideInAPackage("..projector.projection..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("..projector.rebuild..")
        .check(CLASSES);
  }

  @Test
  void onlyTheRebuildTheAuditAndTheirSharedReadsTalkToPostgres() {
    noClasses()
        .that()
        .resideOutsideOfPackages(
            "..projector.rebuild..", "..projector.audit..", "..projector.postgres..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework.jdbc..", "java.sql..", "javax.sql..")
        .check(CLASSES);
  }

  @Test
  void theAuditOnlyReadsItNeverRepairsOrProjects() {
    // Drift found must stay visible in the report; repairing is the reconciliation's job.
    noClasses()
        .that()
        .resideInAPackage("..projector.audit..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "..projector.rebuild..", "..projector.projection..", "..projector.script..")
        .check(CLASSES);
  }

  @Test
  void projectionDoesNotDependOnKafkaWiringOrRedisWiring() {
    noClasses()
        .that()
        .resideInAPackage("..projector.projection..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("..projector.kafka..", "..projector.redis..")
        .check(CLASSES);
  }

  @Test
  void tokensAreVerifiedOnlyBySharedAuth() {
    // One JWT verification implementation for every service (shared-auth), not copies that drift.
    noClasses().should().dependOnClassesThat().resideInAPackage("com.nimbusds..").check(CLASSES);
  }
}
