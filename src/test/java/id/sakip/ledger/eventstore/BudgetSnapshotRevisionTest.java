package id.sakip.ledger.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.mongodb.client.MongoDatabase;

import id.sakip.ledger.LedgerApiTest;
import id.sakip.ledger.budget.command.Budget;

/**
 * A budget snapshot taken before the remembered idempotency answers were keyed by user (no revision)
 * is ignored, so the budget is sourced from its events and an old answer is never served to anyone.
 */
class BudgetSnapshotRevisionTest extends LedgerApiTest {

    @Autowired
    LedgerEventStorageEngine engine;
    @Autowired
    MongoDatabase ledgerDatabase;

    private void storeSnapshot(String aggregateId, String revision) {
        Document snapshot = new StoredEvent("snapshot-" + aggregateId, "Budget", aggregateId, 3,
                Budget.class.getName(), revision, Instant.now().toString(), "{}", "{}").toDocument()
                .append("_id", aggregateId);
        ledgerDatabase.getCollection(LedgerEventStorageEngine.SNAPSHOTS).insertOne(snapshot);
    }

    @Test
    void aBudgetSnapshotWithoutTheCurrentRevisionIsNotUsed() {
        storeSnapshot("kec-snap-old:2025", null);
        storeSnapshot("kec-snap-new:2025", "2");
        assertThat(engine.readSnapshot("kec-snap-old:2025")).isEmpty();
        assertThat(engine.readSnapshot("kec-snap-new:2025")).isPresent();
    }
}
