package io.kontor.query.audit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.kontor.eventlog.KontorEventStorageEngine;
import io.kontor.eventlog.audit.HashChainVerifier;
import io.kontor.eventlog.audit.LogReader;
import io.kontor.query.ledger.posting.PostingRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The auditors' read-only tools over the event log itself (not over any view). */
@Configuration(proxyBeanMethods = false)
public class AuditConfiguration {

    @Bean
    HashChainVerifier hashChainVerifier(MongoDatabase database) {
        return new HashChainVerifier(database);
    }

    @Bean
    AuditLog auditLog(MongoDatabase database, KontorEventStorageEngine engine) {
        return new AuditLog(new LogReader(database), engine);
    }

    @Bean
    LedgerTimeTravel ledgerTimeTravel(MongoClient client, MongoDatabase database, KontorEventStorageEngine engine,
                                      PostingRules rules) {
        return new LedgerTimeTravel(client, database, engine, rules);
    }

    @Bean
    LedgerLineage ledgerLineage(KontorEventStorageEngine engine, PostingRules rules) {
        return new LedgerLineage(engine, rules);
    }
}
