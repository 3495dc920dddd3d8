package id.sakip.ledger.budget.query;


import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoDatabase;

import id.sakip.ledger.budget.api.BudgetAdopted;
import id.sakip.ledger.budget.api.BudgetAmended;
import id.sakip.ledger.budget.api.BudgetId;
import id.sakip.ledger.budget.api.FiscalYearClosed;
import id.sakip.ledger.budget.api.RealisationRecorded;
import id.sakip.ledger.budget.api.RealisationReversed;
import id.sakip.ledger.eventstore.projection.BatchedBooks;

/**
 * The live budget read model: one {@link BudgetBook} document per budget in {@code budget_books},
 * folded by the same code as {@code asOf} queries. Within a processing batch each book is read once
 * and written once ({@link BatchedBooks}), so a replay costs a write per budget per batch, not per event.
 */
@Component
@ProcessingGroup(BudgetBookProjection.PROCESSOR)
public class BudgetBookProjection {

    public static final String PROCESSOR = "budget-books";
    public static final String COLLECTION = "budget_books";

    private final BatchedBooks<BudgetBook> books;
    private final BudgetCheckpoints checkpoints;

    public BudgetBookProjection(MongoDatabase ledgerDatabase) {
        this.books = new BatchedBooks<>(ledgerDatabase, COLLECTION, BudgetBook.class, () -> BudgetBook.empty(null));
        this.checkpoints = new BudgetCheckpoints(ledgerDatabase, books.codec());
    }

    /** The copies of books kept every {@link BudgetBook#CHECKPOINT_EVENTS} events. */
    BudgetCheckpoints checkpoints() {
        return checkpoints;
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
        books.reset();
        checkpoints.reset();
    }

    /** The live book of a budget, or {@code null} when none is recorded. */
    public BudgetBook find(String budgetId) {
        return books.find(budgetId);
    }

    private void fold(String budgetId, Object event, EventMessage<?> message) {
        books.fold(budgetId, message instanceof TrackedEventMessage<?> tracked
                ? tracked.trackingToken() : null, book -> {
                    book.apply(event, BudgetQueries.recorded(message));
                    if (book.events % BudgetBook.CHECKPOINT_EVENTS == 0
                            && message instanceof DomainEventMessage<?> domain) {
                        checkpoints.record(budgetId, domain.getSequenceNumber(), book);
                    }
                });
    }
}
