package io.kontor.query.ledger;

import com.mongodb.client.MongoDatabase;
import io.kontor.query.common.Views;
import io.kontor.query.ledger.posting.PostingRules;
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

    @Bean
    LedgerStore ledgerStore(MongoDatabase database) {
        return new LedgerStore(database);
    }

    @Bean
    LedgerReports ledgerReports(LedgerStore store) {
        return new LedgerReports(store);
    }

    @Bean
    LedgerProjection ledgerProjection(LedgerStore store, PostingRules rules, Views views) {
        return new LedgerProjection(store, rules, views);
    }
}
