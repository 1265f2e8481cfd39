package io.kontor.query.common;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The query side's one MongoDB connection: {@code kontor.mongo.uri}, or else the command side's embedded server
 * over TCP. The client connects lazily, so the query side may start before the command side.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KontorMongoProperties.class)
public class MongoConfiguration {

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(KontorMongoProperties properties) {
        return MongoClients.create(properties.connectionString());
    }

    @Bean
    MongoDatabase mongoDatabase(MongoClient client, KontorMongoProperties properties) {
        return client.getDatabase(properties.database());
    }

    @Bean
    HealthIndicator mongoHealthIndicator(MongoDatabase database) {
        return () -> {
            try {
                database.runCommand(new Document("ping", 1));
                return Health.up().withDetail("database", database.getName()).build();
            } catch (RuntimeException e) {
                return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
            }
        };
    }
}
