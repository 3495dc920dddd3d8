package id.sakip.ledger.budget.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Service;


import id.sakip.ledger.budget.api.BudgetId;
import id.sakip.ledger.eventstore.metadata.LedgerMetadata;
import id.sakip.ledger.eventstore.projection.AggregateHistory;
import id.sakip.ledger.eventstore.projection.ProjectionRebuilds;
import id.sakip.ledger.shared.UnknownItem;

/**
 * Answers budget questions: from the live read model, or, for {@code asOf} (what the ledger knew at
 * an instant, by recording time) and {@code until} (realisations with a value date up to a day), by
 * folding the budget's own events with the same {@link BudgetBook} code.
 */
@Service
public class BudgetQueries {

    private final BudgetBookProjection live;
    private final AggregateHistory history;
    private final ProjectionRebuilds rebuilds;

    public BudgetQueries(BudgetBookProjection live, AggregateHistory history, ProjectionRebuilds rebuilds) {
        this.live = live;
        this.history = history;
        this.rebuilds = rebuilds;
    }

    /** Who recorded a message and when, from its metadata and timestamp. */
    static BudgetBook.Recorded recorded(EventMessage<?> message) {
        Object actor = message.getMetaData().get(LedgerMetadata.ACTOR_ID);
        return new BudgetBook.Recorded(message.getTimestamp(), actor == null ? null : actor.toString());
    }

    public BudgetBook book(String organisationId, int year, Instant asOf, LocalDate until) {
        // while the read model is rebuilt its books are incomplete: answer from the log instead
        if (asOf == null && until == null && !rebuilds.isRebuilding(BudgetBookProjection.PROCESSOR)) {
            BudgetBook stored = live.find(BudgetId.of(organisationId, year));
            if (stored != null) {
                return stored;
            }
        }
        BudgetBook book = fold(organisationId, year, asOf, until);
        if (!book.isAdopted()) {
            throw new UnknownItem("BUDGET_NOT_FOUND", "No budget of " + organisationId + " for " + year
                    + (asOf == null ? "" : " as of " + asOf), Map.of("organisationId", organisationId,
                    "fiscalYear", year));
        }
        return book;
    }

    /** Folds the budget's events recorded up to {@code asOf} (all when {@code null}). */
    public BudgetBook fold(String organisationId, int year, Instant asOf, LocalDate until) {
        BudgetBook book = BudgetBook.empty(until);
        history.forEach(BudgetId.of(organisationId, year), asOf, m -> book.apply(m.getPayload(), recorded(m)));
        return book;
    }

    public BudgetRealisationReport realisation(String organisationId, int year, Instant asOf, LocalDate until) {
        return BudgetRealisationReport.of(book(organisationId, year, asOf, until));
    }

    public BudgetAmendmentReport amendments(String organisationId, int year, Instant asOf) {
        return BudgetAmendmentReport.of(book(organisationId, year, asOf, null));
    }
}
