package io.kontor.eventlog.testing;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.kontor.eventlog.embedded.EmbeddedMongoServer;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The MongoDB tests run against: one memory-backend {@link EmbeddedMongoServer} per JVM, started on first use, or
 * the real MongoDB named by the environment variable {@value #URI_VARIABLE} when it is set. Each test takes a
 * {@link #freshDatabase()} so tests never see each other's data and need no cleanup order.
 */
public final class TestMongo {

    /** Environment variable with the connection string of a real MongoDB to test against. */
    public static final String URI_VARIABLE = "KONTOR_TEST_MONGO_URI";

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static volatile String connectionString;
    private static volatile MongoClient client;

    private TestMongo() {
    }

    /** The shared client (do not close it). */
    public static MongoClient client() {
        MongoClient current = client;
        if (current == null) {
            synchronized (TestMongo.class) {
                if (client == null) {
                    client = MongoClients.create(connectionString());
                }
                current = client;
            }
        }
        return current;
    }

    /** The connection string of the test server, starting the embedded one if needed. */
    public static String connectionString() {
        String current = connectionString;
        if (current == null) {
            synchronized (TestMongo.class) {
                if (connectionString == null) {
                    String configured = System.getenv(URI_VARIABLE);
                    if (configured != null && !configured.isBlank()) {
                        connectionString = configured;
                    } else {
                        EmbeddedMongoServer server = EmbeddedMongoServer.start("127.0.0.1", 0, EmbeddedMongoServer.MEMORY);
                        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "test-mongo-shutdown"));
                        connectionString = server.connectionString();
                    }
                }
                current = connectionString;
            }
        }
        return current;
    }

    /** A database with a new unique name on the test server. */
    public static MongoDatabase freshDatabase() {
        String name = "kontor_test_" + DATABASES.incrementAndGet() + "_"
                + UUID.randomUUID().toString().substring(0, 8);
        return client().getDatabase(name);
    }
}
