package id.sakip.ledger.eventstore;

import java.nio.file.Path;
import java.time.Clock;

import org.axonframework.eventhandling.DomainEventMessage;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import id.sakip.ledger.eventstore.embedded.EmbeddedMongoStore;

/**
 * Child process for the crash test: appends events from several threads as fast as it can and
 * prints {@code ACK <eventId>} after each append is acknowledged, until it is killed.
 */
public final class KillNineAppender {

    private KillNineAppender() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        int threads = Integer.parseInt(args[1]);
        EmbeddedMongoStore store = EmbeddedMongoStore.start(dataDir, "127.0.0.1", 0);
        MongoClient client = MongoClients.create(store.connectionString());
        CommitLog log = new CommitLog(client.getDatabase("ledger"), Clock.systemUTC());
        LedgerEventStorageEngine engine = LedgerEventStorageEngine.builder().commitLog(log)
                .database(client.getDatabase("ledger")).eventSerializer(TestEvents.serializer())
                .snapshotSerializer(TestEvents.serializer()).build();
        System.out.println("READY");
        System.out.flush();
        for (int t = 0; t < threads; t++) {
            String aggregate = "crash-" + t;
            Thread thread = new Thread(() -> {
                for (long seq = 0; ; seq++) {
                    DomainEventMessage<?> event = TestEvents.increment(aggregate, seq, 1);
                    engine.appendEvents(event);
                    synchronized (System.out) {
                        System.out.println("ACK " + event.getIdentifier());
                        System.out.flush();
                    }
                }
            });
            thread.start();
        }
        Thread.currentThread().join();
    }
}
