package io.kontor.query.common;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The query side's one MongoDB connection: {@code kontor.mongo.uri}, or else the command side's embedded server
 * over TCP. In embedded mode it waits for the command side to open that server, so both may start together.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KontorMongoProperties.class)
public class MongoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MongoConfiguration.class);
    private static final Duration EMBEDDED_STARTUP_WAIT = Duration.ofMinutes(2);

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(KontorMongoProperties properties) {
        MongoClientSettings.Builder settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(properties.connectionString()));
        if (properties.embeddedMode()) {
            // Both apps are usually started together, and the command side needs some seconds to open the server.
            log.info("No kontor.mongo.uri set: using the command side's embedded MongoDB at {} (waiting up to {})",
                    properties.connectionString(), EMBEDDED_STARTUP_WAIT);
            settings.applyToClusterSettings(c -> c.serverSelectionTimeout(
                    EMBEDDED_STARTUP_WAIT.toMillis(), TimeUnit.MILLISECONDS));
        }
        return MongoClients.create(settings.build());
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
