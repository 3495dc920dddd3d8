package id.sakip.ledger.budget.query;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;

import id.sakip.ledger.budget.api.BudgetAdopted;
import id.sakip.ledger.budget.api.BudgetAmended;
import id.sakip.ledger.budget.api.BudgetId;
import id.sakip.ledger.budget.api.FiscalYearClosed;
import id.sakip.ledger.budget.api.RealisationRecorded;
import id.sakip.ledger.budget.api.RealisationReversed;

/**
 * The live budget read model: one {@link BudgetBook} document per budget in {@code budget_books},
 * folded by the same code as {@code asOf} queries. Within a processing batch each book is read once
 * and written once, so a replay costs a write per budget per batch, not per event.
 */
@Component
@ProcessingGroup(BudgetBookProjection.PROCESSOR)
public class BudgetBookProjection {

    public static final String PROCESSOR = "budget-books";
    public static final String COLLECTION = "budget_books";
    private static final String BATCH = BudgetBookProjection.class.getName() + ".batch";

    private final MongoCollection<Document> books;
    private final BudgetBookCodec codec;

    public BudgetBookProjection(MongoDatabase ledgerDatabase, BudgetBookCodec codec) {
        this.books = ledgerDatabase.getCollection(COLLECTION);
        this.codec = codec;
    }

    @EventHandler
    void on(BudgetAdopted event, EventMessage<?> message) {
        fold(BudgetId.of(event.organisationId(), event.fiscalYear()), event, message);
    }

    @EventHandler
    void on(BudgetAmended event, EventMessage<?> message) {
        fold(BudgetId.of(event.organisationId(), event.fiscalYear()), event, message);
    }

    @EventHandler
    void on(RealisationRecorded event, EventMessage<?> message) {
        fold(BudgetId.of(event.organisationId(), event.fiscalYear()), event, message);
    }

    @EventHandler
    void on(RealisationReversed event, EventMessage<?> message) {
        fold(BudgetId.of(event.organisationId(), event.fiscalYear()), event, message);
    }

    @EventHandler
    void on(FiscalYearClosed event, EventMessage<?> message) {
        fold(BudgetId.of(event.organisationId(), event.fiscalYear()), event, message);
    }

    @ResetHandler
    void reset() {
        books.deleteMany(new Document());
    }

    private void fold(String budgetId, Object event, EventMessage<?> message) {
        Map<String, BudgetBook> batch = batch();
        BudgetBook book = batch.computeIfAbsent(budgetId, this::load);
        book.apply(event, BudgetQueries.recorded(message));
    }

    private BudgetBook load(String budgetId) {
        Document d = books.find(Filters.eq("_id", budgetId)).first();
        return d == null ? BudgetBook.empty(null) : codec.read(d);
    }

    private Map<String, BudgetBook> batch() {
        if (!CurrentUnitOfWork.isStarted()) {
            throw new IllegalStateException("the budget projection runs inside a unit of work");
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(BATCH, key -> {
            Map<String, BudgetBook> dirty = new HashMap<>();
            root.onPrepareCommit(u -> flush(dirty));
            return dirty;
        });
    }

    private void flush(Map<String, BudgetBook> dirty) {
        if (dirty.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>(dirty.size());
        dirty.forEach((id, book) -> writes.add(new ReplaceOneModel<>(Filters.eq("_id", id),
                codec.write(id, book), new ReplaceOptions().upsert(true))));
        books.bulkWrite(writes, new BulkWriteOptions().ordered(false));
    }
}
