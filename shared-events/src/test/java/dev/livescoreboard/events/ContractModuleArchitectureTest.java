package dev.livescoreboard.events;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The contracts are read by every service and by analytics: they must stay framework-free. */
class ContractModuleArchitectureTest {

  private final JavaClasses contracts =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.livescoreboard.events");

  @Test
  void contractsDependOnNoFramework() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..", "io.netty..", "redis.clients..", "jakarta..", "com.nimbusds..")
        .check(contracts);
  }

  @Test
  void eventsAndMessagesAreRecords() {
    com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
        .that()
        .haveSimpleNameEndingWith("Changed")
        .or()
        .haveSimpleNameEndingWith("Entry")
        .or()
        .haveSimpleNameEndingWith("Change")
        .should()
        .beRecords()
        .check(contracts);
  }
}
