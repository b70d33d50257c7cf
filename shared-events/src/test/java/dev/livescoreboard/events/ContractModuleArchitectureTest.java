package dev.livescoreboard.events;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

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
  void contractsUseOnlyTheJdkJacksonAndKafkasSerializerInterfaces() {
    classes()
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "java..",
            "dev.livescoreboard.events..",
            // JSON of the events and messages (Jackson 3, with the 2.x annotations it reads).
            "tools.jackson..",
            "com.fasterxml.jackson.annotation..",
            // The one exception: Kafka clients load the event's (de)serializer by class name.
            "org.apache.kafka.common.serialization..")
        .check(contracts);
  }

  @Test
  void packagesHaveNoCycles() {
    // One package today (nothing to compare); the rule holds as soon as there are sub-packages.
    slices()
        .matching("dev.livescoreboard.events.(*)..")
        .should()
        .beFreeOfCycles()
        .allowEmptyShould(true)
        .check(contracts);
  }

  @Test
  void eventsAndMessagesAreRecords() {
    classes()
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
