package id.sakip.ledger.audit.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

import id.sakip.ledger.eventstore.embedded.EmbeddedMongoStore;
import id.sakip.ledger.eventstore.metadata.LedgerMetadata;

/**
 * The audit index survives a crash between its two writes: an organisation's chunk of event
 * positions reaches the store before its head, and an event delivered again is indexed once.
 */
class AuditIndexProjectionTest {

    @TempDir
    Path dir;

    private EmbeddedMongoStore store;
    private MongoClient client;
    private final List<String> writes = new ArrayList<>();
    private AuditIndexProjection projection;

    @BeforeEach
    void open() {
        store = EmbeddedMongoStore.start(dir, "127.0.0.1", 0);
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(store.connectionString()))
                .addCommandListener(new CommandListener() {
                    @Override
                    public void commandStarted(CommandStartedEvent event) {
                        if (event.getCommandName().equals("update")) {
                            writes.add(event.getCommand().getString("update").getValue());
                        }
                    }
                }).build());
        projection = new AuditIndexProjection(client.getDatabase("ledger"));
    }

    @AfterEach
    void close() {
        client.close();
        store.close();
    }

    private void deliver(long... positions) {
        DefaultUnitOfWork<?> unit = DefaultUnitOfWork.startAndGet(null);
        unit.execute(() -> {
            for (long position : positions) {
                projection.on("event", GenericEventMessage.asEventMessage("event").andMetaData(
                        MetaData.from(Map.of(LedgerMetadata.ORGANISATION_ID, "kec-a"))),
                        new GlobalSequenceTrackingToken(position));
            }
        });
    }

    @Test
    void chunksReachTheStoreBeforeHeads() {
        deliver(1, 2);
        assertThat(writes).containsExactly("audit_chunks", "audit_heads");
    }

    @Test
    void anEventWhoseChunkWasWrittenButNotItsHeadIsIndexedOnceWhenDeliveredAgain() {
        deliver(1, 2, 3);
        // the crash: the next batch's chunk write reached the file, its head write did not
        client.getDatabase("ledger").getCollection("audit_chunks")
                .updateOne(Filters.eq("_id", "kec-a#0"), Updates.set("packed", "1,1,1,1"));
        deliver(4, 5);
        assertThat(projection.sequencesOf("kec-a")).containsExactly(1L, 2L, 3L, 4L, 5L);
        Document head = client.getDatabase("ledger").getCollection("audit_heads").find(Filters.eq("_id", "kec-a"))
                .first();
        assertThat(head.get("count", Number.class).longValue()).isEqualTo(5);
    }

    @Test
    void aChunkStoredAsAListBeforeChunksWerePackedIsReadExtendedAndWrittenPacked() {
        var ledger = client.getDatabase("ledger");
        ledger.getCollection("audit_chunks").insertOne(new Document("_id", "kec-a#0")
                .append("sequences", List.of(3L, 7L, 1_000_000L)).append("_position", 1_000_000L));
        ledger.getCollection("audit_heads").insertOne(new Document("_id", "kec-a").append("count", 3L)
                .append("lastSequence", 1_000_000L).append("_position", 1_000_000L));

        deliver(1_000_005L);

        assertThat(projection.sequencesOf("kec-a")).containsExactly(3L, 7L, 1_000_000L, 1_000_005L);
        Document chunk = ledger.getCollection("audit_chunks").find(Filters.eq("_id", "kec-a#0")).first();
        assertThat(chunk).doesNotContainKey("sequences");
        assertThat(chunk.getString("packed")).isEqualTo("3,4,lfll,5");
    }

    @Test
    void eventsDeliveredAgainAfterBothWritesAreNotIndexedTwice() {
        deliver(1, 2, 3);
        deliver(2, 3, 4);
        assertThat(projection.sequencesOf("kec-a")).containsExactly(1L, 2L, 3L, 4L);
    }
}
