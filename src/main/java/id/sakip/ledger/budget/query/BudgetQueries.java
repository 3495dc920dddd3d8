package id.sakip.ledger.budget.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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

    /** The fiscal years from {@code from} to {@code to} in which the organisation has an adopted budget, ascending. */
    public java.util.List<Integer> years(String organisationId, int from, int to) {
        java.util.List<Integer> years = new java.util.ArrayList<>();
        for (int year = from; year <= to; year++) {
            BudgetBook stored = live.find(BudgetId.of(organisationId, year));
            if (stored != null && stored.isAdopted()) {
                years.add(year);
            }
        }
        return years;
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
        String budgetId = BudgetId.of(organisationId, year);
        if (asOf != null && until == null && !rebuilds.isRebuilding(BudgetBookProjection.PROCESSOR)) {
            BudgetBook current = live.find(budgetId);
            if (current != null && current.events >= BudgetBook.CHECKPOINT_EVENTS) {
                return foldFromCheckpoints(budgetId, asOf,
                        live.checkpoints().upTo(budgetId, (int) (current.events / BudgetBook.CHECKPOINT_EVENTS)));
            }
        }
        BudgetBook book = BudgetBook.empty(until);
        history.forEach(budgetId, asOf, m -> book.apply(m.getPayload(), recorded(m)));
        return book;
    }

    /**
     * The same fold as from the first event: it starts from the last checkpoint whose events were all
     * recorded by {@code asOf}, skips later blocks whose events were all recorded after it, and reads
     * the rest, keeping only events recorded by {@code asOf}, in sequence order.
     */
    BudgetBook foldFromCheckpoints(String budgetId, Instant asOf, List<BudgetCheckpoints.Checkpoint> checkpoints) {
        int start = -1;
        for (int i = 0; i < checkpoints.size(); i++) {
            Instant max = checkpoints.get(i).maxRecordedAt();
            if (max != null && !max.isAfter(asOf)) {
                start = i;
            }
        }
        BudgetBook book = start < 0 ? BudgetBook.empty(null)
                : live.checkpoints().book(budgetId, checkpoints.get(start).block());
        long from = start < 0 ? 0 : checkpoints.get(start).sequence() + 1;
        for (int i = start + 1; i < checkpoints.size(); i++) {
            BudgetCheckpoints.Checkpoint c = checkpoints.get(i);
            if (c.blockFirstRecordedAt() == null || !c.blockFirstRecordedAt().isAfter(asOf)) {
                history.forEachBetween(budgetId, from, c.sequence(), asOf,
                        m -> book.apply(m.getPayload(), recorded(m)));
            }
            from = c.sequence() + 1;
        }
        history.forEachBetween(budgetId, from, Long.MAX_VALUE, asOf, m -> book.apply(m.getPayload(), recorded(m)));
        return book;
    }

    /** The budget's tree with current amounts and realised totals, live or as of {@code asOf} / {@code until}. */
    public BudgetTree tree(String organisationId, int year, Instant asOf, LocalDate until) {
        return BudgetTree.of(book(organisationId, year, asOf, until));
    }

    public BudgetRealisationReport realisation(String organisationId, int year, Instant asOf, LocalDate until) {
        return BudgetRealisationReport.of(book(organisationId, year, asOf, until));
    }

    public BudgetAmendmentReport amendments(String organisationId, int year, Instant asOf) {
        return BudgetAmendmentReport.of(book(organisationId, year, asOf, null));
    }
}
