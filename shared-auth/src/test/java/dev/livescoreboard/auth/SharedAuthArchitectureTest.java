package dev.livescoreboard.auth;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Every service links this module: it must stay small and framework-free. */
class SharedAuthArchitectureTest {

  private final JavaClasses auth =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.livescoreboard.auth");

  @Test
  void usesOnlyTheJdkNimbusJedisSlf4jAndTheContracts() {
    classes()
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "java..",
            "dev.livescoreboard.auth..",
            "dev.livescoreboard.events..",
            "com.nimbusds..",
            "redis.clients..",
            "org.slf4j..")
        .check(auth);
  }

  @Test
  void packagesHaveNoCycles() {
    slices().matching("dev.livescoreboard.auth.(*)..").should().beFreeOfCycles().check(auth);
  }

  @Test
  void verificationDoesNotDependOnRevocation() {
    classes()
        .that()
        .resideInAPackage("dev.livescoreboard.auth")
        .should()
        .onlyDependOnClassesThat()
        .resideOutsideOfPackage("dev.livescoreboard.auth.revocation..")
        .check(auth);
  }
}
