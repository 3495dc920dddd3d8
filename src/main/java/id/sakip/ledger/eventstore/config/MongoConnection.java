package id.sakip.ledger.eventstore.config;

import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.ReadConcern;
import com.mongodb.ReadPreference;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import id.sakip.ledger.eventstore.embedded.EmbeddedMongoStore;

/**
 * The ledger's connection to MongoDB: to the embedded store it started itself when no URI is
 * configured, otherwise to the given deployment with majority, journaled writes and primary reads.
 */
public final class MongoConnection implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MongoConnection.class);

    private final EmbeddedMongoStore embedded;
    private final MongoClient client;
    private final MongoDatabase database;

    private MongoConnection(EmbeddedMongoStore embedded, MongoClient client, String databaseName) {
        this.embedded = embedded;
        this.client = client;
        this.database = client.getDatabase(databaseName);
    }

    public static MongoConnection open(LedgerProperties properties) {
        LedgerProperties.Mongo mongo = properties.mongo();
        if (mongo.embedded()) {
            EmbeddedMongoStore store = EmbeddedMongoStore.start(properties.dataDir(), mongo.embeddedHost(),
                    mongo.embeddedPort(), mongo.embeddedAlsoDurable());
            try {
                return new MongoConnection(store, client(store.connectionString(), WriteConcern.ACKNOWLEDGED),
                        mongo.database());
            } catch (RuntimeException e) {
                store.close();
                throw e;
            }
        }
        log.info("Using external MongoDB at {}", new ConnectionString(mongo.uri()).getHosts());
        return new MongoConnection(null, client(mongo.uri(), WriteConcern.MAJORITY.withJournal(true)),
                mongo.database());
    }

    static MongoClient client(String uri, WriteConcern defaultWriteConcern) {
        ConnectionString cs = new ConnectionString(uri);
        MongoClientSettings.Builder settings = MongoClientSettings.builder()
                .applyConnectionString(cs)
                .applyToClusterSettings(b -> b.serverSelectionTimeout(10, TimeUnit.SECONDS));
        if (cs.getWriteConcern() == null) {
            settings.writeConcern(defaultWriteConcern);
        }
        if (cs.getReadPreference() == null) {
            settings.readPreference(ReadPreference.primary());
        }
        if (cs.getReadConcern() == null && defaultWriteConcern != WriteConcern.ACKNOWLEDGED) {
            settings.readConcern(ReadConcern.MAJORITY);
        }
        return MongoClients.create(settings.build());
    }

    public MongoDatabase database() {
        return database;
    }

    public MongoClient client() {
        return client;
    }

    /** The embedded store, or {@code null} when connected to an external MongoDB. */
    public EmbeddedMongoStore embedded() {
        return embedded;
    }

    @Override
    public void close() {
        client.close();
        if (embedded != null) {
            embedded.close();
        }
    }
}
