package id.sakip.ledger.bench;

import java.time.Duration;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventTableFactory;
import org.axonframework.eventsourcing.eventstore.jdbc.AbstractEventTableFactory;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGConnectionPoolDataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import id.sakip.ledger.eventstore.CommitLog;
import id.sakip.ledger.eventstore.LedgerEventStorageEngine;
import id.sakip.ledger.eventstore.embedded.EmbeddedMongoStore;

/**
 * The event stores of the peer benchmark, each opened fresh in its own directory behind Axon's
 * {@link EventStorageEngine}: the ledger's engine and the engines a user would pick instead.
 */
final class PeerStores {

    /** PostgreSQL's JDBC URL, set by ops/bench/run.sh when it started its throwaway cluster. */
    static final String POSTGRES_URL_PROPERTY = "bench.pg.url";

    private PeerStores() {
    }

    /** One opened store: its engine, and how many times it has forced its data to the disk so far. */
    interface Peer extends AutoCloseable {

        EventStorageEngine engine();

        /** Forces to the disk (fsync calls) so far, or -1 when the store does not force. */
        long syncs();

        @Override
        void close();
    }

    /** Opens a peer in an empty directory of its own. */
    interface Opener {
        Peer open(Path dir) throws Exception;
    }

    /** A peer of the table: its key in results.json, what it is, how it forces, and how to open it. */
    record Kind(String key, String description, String forcing, Opener opener, String notRunReason) {
    }

    /** The four peers, in the order of the table; a peer that cannot run here says why. */
    static List<Kind> kinds() {
        String pgUrl = System.getProperty(POSTGRES_URL_PROPERTY, "");
        return List.of(
                new Kind("ledger", "ours (LedgerEventStorageEngine) on the embedded store",
                        "FileChannel.force per acknowledged append (group commit), ledger.store.forces",
                        PeerStores::ledger, null),
                new Kind("postgresJdbc", "Axon JdbcEventStorageEngine on PostgreSQL",
                        "fsync=on, synchronous_commit=on; pg_stat_wal.wal_sync",
                        dir -> postgres(pgUrl), pgUrl.isBlank()
                        ? "PostgreSQL was not started: run it through ops/bench/run.sh (-D" + POSTGRES_URL_PROPERTY + ")"
                        : null),
                new Kind("h2Jdbc", "Axon JdbcEventStorageEngine on an H2 file", "not forced (H2 does not fsync on commit)",
                        PeerStores::h2, null),
                new Kind("axonMongo", "Axon Mongo extension's MongoEventStorageEngine on the embedded store",
                        "FileChannel.force per acknowledged write, as ours (its collections made durable)",
                        PeerStores::axonMongo, null));
    }

    /** Jackson for every peer's events and snapshots (never XStream). */
    static Serializer serializer() {
        return JacksonSerializer.builder().objectMapper(new ObjectMapper()).build();
    }

    /** Ours as shipped on the embedded default: mongo-java-server on the H2 file forced on each acknowledged append. */
    static Peer ledger(Path dir) {
        EmbeddedMongoStore store = EmbeddedMongoStore.start(dir, "127.0.0.1", 0);
        MongoClient client = MongoClients.create(store.connectionString());
        CommitLog log = new CommitLog(client.getDatabase("ledger"), Clock.systemUTC());
        LedgerEventStorageEngine engine = LedgerEventStorageEngine.builder().streamingCursor(false).commitLog(log)
                .database(client.getDatabase("ledger")).eventSerializer(serializer()).snapshotSerializer(serializer())
                .build();
        return new Peer() {
            @Override
            public EventStorageEngine engine() {
                return engine;
            }

            @Override
            public long syncs() {
                return store.backend().fileForces();
            }

            @Override
            public void close() {
                log.close();
                client.close();
                store.close();
            }
        };
    }

    /** The Axon Mongo extension's engine on the same embedded store, its collections forced like our commits. */
    static Peer axonMongo(Path dir) {
        EmbeddedMongoStore store = EmbeddedMongoStore.start(dir, "127.0.0.1", 0,
                List.of("domainevents", "snapshotevents"));
        MongoClient client = MongoClients.create(store.connectionString());
        MongoEventStorageEngine engine = MongoEventStorageEngine.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(client, "axon").build())
                .eventSerializer(serializer()).snapshotSerializer(serializer()).build();
        return new Peer() {
            @Override
            public EventStorageEngine engine() {
                return engine;
            }

            @Override
            public long syncs() {
                return store.backend().fileForces();
            }

            @Override
            public void close() {
                client.close();
                store.close();
            }
        };
    }

    /** Axon's JDBC engine on an H2 file (MVStore), which commits without forcing the file. */
    static Peer h2(Path dir) throws SQLException {
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:file:" + dir.resolve("events").toAbsolutePath(),
                "sa", "");
        pool.setMaxConnections(32);
        JdbcTransactions transactions = new JdbcTransactions(pool);
        JdbcEventStorageEngine engine = jdbcEngine(transactions, new H2EventTables());
        return new Peer() {
            @Override
            public EventStorageEngine engine() {
                return engine;
            }

            @Override
            public long syncs() {
                return -1;
            }

            @Override
            public void close() {
                pool.dispose();
            }
        };
    }

    /**
     * Axon's JDBC engine on the throwaway PostgreSQL cluster ops/bench/run.sh started (fsync and
     * synchronous_commit on); the event tables are dropped and created again, so each round starts empty.
     */
    static Peer postgres(String url) throws Exception {
        PGConnectionPoolDataSource source = new PGConnectionPoolDataSource();
        source.setURL(url);
        try (Connection c = source.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS domainevententry, snapshotevententry");
        }
        JdbcTransactions transactions = new JdbcTransactions(pool(source));
        JdbcEventStorageEngine engine = jdbcEngine(transactions, PostgresEventTableFactory.INSTANCE);
        return new Peer() {
            @Override
            public EventStorageEngine engine() {
                return engine;
            }

            /**
             * pg_stat_wal's wal_sync. A backend reports its counters when it ends, so the pool's connections
             * are closed (and new ones opened) first, and the figure read until it stays put.
             */
            @Override
            public long syncs() {
                try {
                    ((JdbcConnectionPool) transactions.replace(pool(source))).dispose();
                    long[] last = {-1};
                    try {
                        Awaitility.await().atMost(Duration.ofSeconds(6)).pollInterval(Duration.ofMillis(300))
                                .until(() -> {
                                    long now = walSyncs(source);
                                    boolean settled = now == last[0];
                                    last[0] = now;
                                    return settled;
                                });
                    } catch (ConditionTimeoutException stillMoving) {
                        return last[0];
                    }
                    return last[0];
                } catch (Exception e) {
                    throw new IllegalStateException("cannot read pg_stat_wal", e);
                }
            }

            @Override
            public void close() {
                ((JdbcConnectionPool) transactions.replace(null)).dispose();
            }
        };
    }

    private static JdbcConnectionPool pool(PGConnectionPoolDataSource source) {
        JdbcConnectionPool pool = JdbcConnectionPool.create(source);
        pool.setMaxConnections(32);
        return pool;
    }

    private static long walSyncs(PGConnectionPoolDataSource source) throws SQLException {
        try (Connection c = source.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT wal_sync FROM pg_stat_wal")) {
            r.next();
            return r.getLong(1);
        }
    }

    private static JdbcEventStorageEngine jdbcEngine(JdbcTransactions transactions, EventTableFactory tables) {
        JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder().connectionProvider(transactions)
                .transactionManager(transactions).eventSerializer(serializer()).snapshotSerializer(serializer())
                .build();
        engine.createSchema(tables);
        return engine;
    }

    /** Axon's event tables in H2 2's syntax (Axon's HSQL factory writes an identity clause H2 2 refuses). */
    private static final class H2EventTables extends AbstractEventTableFactory {

        @Override
        protected String idColumnType() {
            return "BIGINT AUTO_INCREMENT";
        }

        @Override
        protected String payloadType() {
            return "BLOB";
        }
    }

    /**
     * Transactions for Axon's JDBC engine without Spring: a transaction holds one pooled connection for
     * its thread, which the engine's statements share (their {@code close} leaves it open); outside a
     * transaction each statement gets its own connection in auto-commit.
     */
    static final class JdbcTransactions implements TransactionManager, ConnectionProvider {

        private volatile DataSource pool;
        private final ThreadLocal<Connection> current = new ThreadLocal<>();

        JdbcTransactions(DataSource pool) {
            this.pool = pool;
        }

        /** Uses {@code next} for the connections from now on; returns the pool used before. */
        DataSource replace(DataSource next) {
            DataSource before = pool;
            pool = next;
            return before;
        }

        @Override
        public Transaction startTransaction() {
            if (current.get() != null) {
                return new Transaction() {
                    @Override
                    public void commit() {
                    }

                    @Override
                    public void rollback() {
                    }
                };
            }
            try {
                Connection connection = pool.getConnection();
                connection.setAutoCommit(false);
                current.set(connection);
                return new Transaction() {
                    @Override
                    public void commit() {
                        end(connection, true);
                    }

                    @Override
                    public void rollback() {
                        end(connection, false);
                    }
                };
            } catch (SQLException e) {
                throw new IllegalStateException("no connection for a transaction", e);
            }
        }

        private void end(Connection connection, boolean commit) {
            current.remove();
            try {
                if (commit) {
                    connection.commit();
                } else {
                    connection.rollback();
                }
            } catch (SQLException e) {
                throw new IllegalStateException(commit ? "commit failed" : "rollback failed", e);
            } finally {
                try {
                    connection.setAutoCommit(true);
                    connection.close();
                } catch (SQLException ignored) {
                    // the connection is gone; the pool drops it
                }
            }
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection connection = current.get();
            if (connection == null) {
                Connection own = pool.getConnection();
                own.setAutoCommit(true);
                return own;
            }
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("close")) {
                            return null;
                        }
                        try {
                            return method.invoke(connection, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }

    /** A fresh, empty directory for one peer's store in one round. */
    static Path directory(Path work, String key, int round) throws java.io.IOException {
        return Files.createDirectories(work.resolve(key + "-" + round));
    }
}
