package io.kontor.command.common;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.kontor.eventlog.embedded.EmbeddedMongoServer;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The command side's one MongoDB connection. Without {@code kontor.mongo.uri} it first starts the embedded
 * MongoDB-wire server, which the query side then reaches over TCP on the same port; with a uri nothing embedded
 * starts. The driver is used directly: Kontor needs no Spring Data.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KontorMongoProperties.class)
public class MongoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MongoConfiguration.class);

    /** Holds the embedded server (or nothing) so that it closes after the client that uses it. */
    public record MongoEndpoint(String connectionString, AutoCloseable server) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            if (server != null) {
                server.close();
            }
        }
    }

    @Bean(destroyMethod = "close")
    MongoEndpoint mongoEndpoint(KontorMongoProperties properties) {
        if (!properties.embeddedMode()) {
            return new MongoEndpoint(properties.uri(), null);
        }
        KontorMongoProperties.Embedded embedded = properties.embedded();
        // Loopback only: the embedded server has no authentication, and the query side runs on the same machine.
        EmbeddedMongoServer server = EmbeddedMongoServer.start("localhost", embedded.port(), embedded.dataDir());
        log.warn("No kontor.mongo.uri set: hosting the embedded MongoDB-wire server on port {} (data: {}). "
                + "Fine for development, not for production.", embedded.port(), embedded.dataDir());
        return new MongoEndpoint(server.connectionString(), server::close);
    }

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(MongoEndpoint endpoint) {
        return MongoClients.create(endpoint.connectionString());
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
