package id.sakip.ledger.eventstore.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import de.bwaldvogel.mongo.MongoServer;

/**
 * A write to the event log is answered only after the store file has been forced to the disk, and
 * writers that finish while a force runs share the next one; writes to read models do not wait.
 */
class ForcedCommitTest {

    private static final String LOG = "commits";

    @TempDir
    Path dir;

    private PowerCutFilePath.Disk disk;
    private DurableH2Backend backend;
    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;
    private AutoCloseable compactionHold;
    private final ExecutorService writers = Executors.newCachedThreadPool();

    @BeforeAll
    static void registerFileSystem() {
        PowerCutFilePath.register();
    }

    private Path file;

    @BeforeEach
    void open() {
        file = dir.resolve("forced.mv.db");
        disk = PowerCutFilePath.disk(file);
        backend = DurableH2Backend.open(PowerCutFilePath.fileName(file), LOG::equals);
        compactionHold = backend.holdCompaction();
        server = new MongoServer(backend);
        java.net.InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        database = client.getDatabase("ledger");
        database.getCollection(LOG).insertOne(new Document("_id", 0L));
    }

    @AfterEach
    void close() throws Exception {
        writers.shutdownNow();
        compactionHold.close();
        client.close();
        if (server != null) {
            server.shutdownNow();
        }
    }

    @Test
    void closingWaitsForAFlushUnderWayInsteadOfInterruptingIt() throws Exception {
        CountDownLatch held = disk.holdForces();
        database.getCollection("books").insertOne(new Document("_id", "kept"));
        Awaitility.await("the flush is forcing").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
                .until(() -> disk.forcesWaiting() == 1);
        MongoServer closed = server;
        server = null;
        Thread closing = new Thread(closed::shutdownNow, "closing");
        closing.start();
        Awaitility.await("closing waits").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
                .until(() -> !closing.isAlive() || closing.getState() == Thread.State.TIMED_WAITING);
        held.countDown();
        closing.join(10_000);
        assertThat(disk.unforcedBytes()).as("bytes left unforced by closing").isZero();
        disk.cutPower();

        DurableH2Backend reopened = DurableH2Backend.open(PowerCutFilePath.fileName(file), LOG::equals);
        try {
            assertThat(reopened.getMvStore().getMapNames()).as("the read model written before closing, after a power cut")
                    .contains("databases.ledger.books");
        } finally {
            reopened.close();
        }
    }

    @Test
    void aWriteToTheLogIsForcedToTheDiskBeforeItIsAnswered() {
        int forcesBefore = disk.forces();
        long countedBefore = backend.fileForces();

        database.getCollection(LOG).insertOne(new Document("_id", 1L));

        assertThat(disk.unforcedBytes()).as("bytes written but not forced when the write is answered").isZero();
        assertThat(disk.forces()).isGreaterThan(forcesBefore);
        assertThat(backend.fileForces()).isGreaterThan(countedBefore);
    }

    @Test
    void aWriteToAReadModelIsAnsweredWhileTheDiskIsStillForcing() throws Exception {
        CountDownLatch held = disk.holdForces();
        try {
            Future<?> book = writers.submit(() -> database.getCollection("books").insertOne(new Document("_id", "b")));
            book.get(10, TimeUnit.SECONDS);
        } finally {
            held.countDown();
        }
    }

    @Test
    void writesThatFinishDuringAForceShareTheNextOne() throws Exception {
        int forcesBefore = disk.forces();
        CountDownLatch held = disk.holdForces();
        List<Future<?>> inserts = new ArrayList<>();
        inserts.add(writers.submit(() -> insertIntoTheLog(100L)));
        Awaitility.await("the first write's force is held").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(5)).until(() -> disk.forcesWaiting() == 1);
        long finished = backend.finishedWrites();
        for (int i = 1; i <= 15; i++) {
            long id = 100L + i;
            inserts.add(writers.submit(() -> insertIntoTheLog(id)));
        }
        Awaitility.await("15 more writes finished in memory").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(5)).until(() -> backend.finishedWrites() == finished + 15);
        assertThat(inserts).as("none answered while the force is held").noneMatch(Future::isDone);

        held.countDown();
        for (Future<?> insert : inserts) {
            insert.get(10, TimeUnit.SECONDS);
        }

        assertThat(disk.forces() - forcesBefore).as("forces for 16 concurrent writes").isEqualTo(2);
        assertThat(disk.unforcedBytes()).isZero();
    }

    /**
     * An insert as the server hands it to the backend, on the caller's thread and its own channel: through
     * the wire, a waiting write also holds up the server's event-loop thread, and with it other connections.
     */
    private void insertIntoTheLog(long id) {
        de.bwaldvogel.mongo.bson.Document insert = new de.bwaldvogel.mongo.bson.Document("insert", LOG)
                .append("documents", List.of(new de.bwaldvogel.mongo.bson.Document("_id", id)));
        backend.handleCommand(new io.netty.channel.embedded.EmbeddedChannel(), "ledger", "insert", insert);
    }
}
