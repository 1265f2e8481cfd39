package io.kontor.query.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.kontor.query.common.ViewCollections;
import io.kontor.query.ledger.LedgerProjection;
import io.kontor.query.reporting.KpiProjection;
import org.axonframework.config.ProcessingGroup;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * Every view can be rebuilt beside its live generation: a projection names the collections it writes, so that
 * {@code CollectionViews} can rebuild it and {@code Views} can direct queries to the live generation. The ledger
 * and the KPIs have stores of their own, rebuilt through their {@code Generations}.
 */
@AnalyzeClasses(packages = "io.kontor.query", importOptions = ImportOption.DoNotIncludeTests.class)
class ViewsAreRebuildableTest {

    @ArchTest
    static final ArchRule projectionsNameTheirCollections = classes()
            .that().areAnnotatedWith(ProcessingGroup.class)
            .and().doNotBelongToAnyOf(LedgerProjection.class, KpiProjection.class)
            .should().beAnnotatedWith(ViewCollections.class);
}
