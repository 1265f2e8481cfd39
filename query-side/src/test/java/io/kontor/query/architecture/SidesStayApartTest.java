package io.kontor.query.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The query side reads the log, never the command side's code; only the end-to-end tests start both. */
@AnalyzeClasses(packages = "io.kontor.query", importOptions = ImportOption.DoNotIncludeTests.class)
class SidesStayApartTest {

    @ArchTest
    static final ArchRule queriesDoNotUseTheCommandSide = noClasses().should()
            .dependOnClassesThat().resideInAPackage("io.kontor.command..");
}
