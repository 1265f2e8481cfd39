package io.kontor.shared;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Both apps depend on shared-events; it must stay usable without Spring, so nothing in it may touch Spring. */
class NoSpringInSharedEventsTest {

    @Test
    void sharedEventsDependsOnNoSpringClass() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.kontor");
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..")
                   .check(classes);
    }
}
