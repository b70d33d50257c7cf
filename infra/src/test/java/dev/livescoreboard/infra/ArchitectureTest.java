package dev.livescoreboard.infra;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.livescoreboard.infra");

  @Test
  void packagesHaveNoCycles() {
    slices().matching("dev.livescoreboard.infra.(*)..").should().beFreeOfCycles().check(classes);
  }
}
