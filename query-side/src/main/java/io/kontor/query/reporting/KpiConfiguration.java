package io.kontor.query.reporting;

import com.mongodb.client.MongoDatabase;
import io.kontor.query.common.ViewGenerations;
import io.kontor.query.common.Views;
import io.kontor.query.ledger.posting.PostingRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The KPI view: daily buckets folded by one projection (processing group {@code kpis}, one segment) from the
 * ledger's posting rules and the count rules of {@link KpiRules#standard}, rebuildable beside the live generation.
 */
@Configuration(proxyBeanMethods = false)
public class KpiConfiguration {

    @Bean
    KpiRules kpiRules(PostingRules postingRules) {
        return KpiRules.standard(postingRules);
    }

    @Bean
    KpiGenerations kpiGenerations(MongoDatabase database, ViewGenerations generations, KpiRules rules) {
        return new KpiGenerations(database, generations, rules);
    }

    @Bean
    KpiProjection kpiProjection(KpiGenerations live, KpiRules rules, Views views) {
        return new KpiProjection(live, rules, views);
    }
}
