package id.sakip.ledger.eventstore.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.MongoServer;

/**
 * The ledger's embedded default database: mongo-java-server in this JVM, listening on a loopback
 * port, storing its data in an H2 MVStore file that is committed before each write is answered.
 */
public final class EmbeddedMongoStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoStore.class);
    public static final String FILE_NAME = "ledger.mv.db";

    private final DurableH2Backend backend;
    private final MongoServer server;
    /** The event log and its metadata; everything else is rebuilt from them. */
    public static final java.util.Set<String> DURABLE_COLLECTIONS = java.util.Set.of(
            id.sakip.ledger.eventstore.StoredCommit.COLLECTION, "ledger_meta");

    private final InetSocketAddress address;
    private final Path file;

    private EmbeddedMongoStore(Path file, DurableH2Backend backend, MongoServer server, InetSocketAddress address) {
        this.file = file;
        this.backend = backend;
        this.server = server;
        this.address = address;
    }

    /**
     * Starts the store on {@code host:port} (port 0 picks a free one) with its file under {@code dataDir}.
     */
    public static EmbeddedMongoStore start(Path dataDir, String host, int port) {
        return start(dataDir, host, port, java.util.List.of());
    }

    /** As {@link #start(Path, String, int)}, with more collections whose writes wait for the file. */
    public static EmbeddedMongoStore start(Path dataDir, String host, int port, java.util.Collection<String> alsoDurable) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + dataDir, e);
        }
        return start(dataDir.resolve(FILE_NAME).toAbsolutePath().toString(), host, port, alsoDurable);
    }

    /**
     * As {@link #start(Path, String, int, java.util.Collection)}, on the H2 file {@code h2FileName}, which may
     * name a file system H2 has registered (e.g. {@code "cache:/path/ledger.mv.db"}).
     */
    public static EmbeddedMongoStore start(String h2FileName, String host, int port,
                                           java.util.Collection<String> alsoDurable) {
        Path file = Path.of(org.h2.store.fs.FilePath.get(h2FileName).unwrap().toString());
        DurableH2Backend backend = DurableH2Backend.open(h2FileName,
                name -> DURABLE_COLLECTIONS.contains(name) || alsoDurable.contains(name));
        MongoServer server = new MongoServer(backend);
        server.bind(host, port);
        InetSocketAddress address = server.getLocalAddress();
        log.info("Embedded MongoDB (mongo-java-server, H2 file {}) listening on {}:{}",
                file, address.getHostString(), address.getPort());
        return new EmbeddedMongoStore(file, backend, server, address);
    }

    public String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    public int port() {
        return address.getPort();
    }

    public Path file() {
        return file;
    }

    public DurableH2Backend backend() {
        return backend;
    }

    @Override
    public void close() {
        server.shutdownNow();
        log.info("Embedded MongoDB closed ({})", file);
    }
}
