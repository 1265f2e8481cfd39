package io.kontor.query.ledger;

import com.mongodb.client.MongoDatabase;
import io.kontor.query.common.ViewGenerations;
import io.kontor.query.common.Views;
import io.kontor.query.ledger.posting.PostingRules;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The general ledger's view: its store, its projection (processing group {@code ledger}, one segment, because a
 * running total is folded in log order) and the reports read from it. Posting rules are registered in
 * {@link PostingRules#standard()}.
 */
@Configuration(proxyBeanMethods = false)
public class LedgerConfiguration {

    @Bean
    PostingRules postingRules() {
        return PostingRules.standard();
    }

    /** The live generation of the view's store, which a rebuild swaps ({@code POST /api/audit/projections/ledger/rebuild}). */
    @Bean
    LedgerGenerations ledgerGenerations(MongoDatabase database, ViewGenerations generations, PostingRules rules,
                                        @Value("${kontor.query.rebuild.ledger-events-per-write:2000}")
                                        int eventsPerWrite) {
        return new LedgerGenerations(database, generations, rules, eventsPerWrite);
    }

    @Bean
    LedgerReports ledgerReports(LedgerGenerations live) {
        return new LedgerReports(live);
    }

    @Bean
    LedgerProjection ledgerProjection(LedgerGenerations live, PostingRules rules, Views views) {
        return new LedgerProjection(live, rules, views);
    }
}
