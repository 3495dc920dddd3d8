package id.sakip.ledger.performance.query;

import java.util.ArrayList;
import java.util.List;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import id.sakip.ledger.eventstore.metadata.LedgerMetadata;
import id.sakip.ledger.eventstore.projection.BatchedBooks;
import id.sakip.ledger.performance.api.IndicatorRealisationCorrected;
import id.sakip.ledger.performance.api.IndicatorRealisationRecorded;
import id.sakip.ledger.performance.api.IndicatorTargetAmended;
import id.sakip.ledger.performance.api.IndicatorTargetSet;
import id.sakip.ledger.performance.api.PlanDefined;
import id.sakip.ledger.performance.api.PlanId;
import id.sakip.ledger.performance.api.SakipEvaluationRecorded;
import id.sakip.ledger.performance.api.SurveyRecorded;

/** The live performance read model: one {@link PlanBook} document per Renstra in {@code plan_books}. */
@Component
@ProcessingGroup(PlanBookProjection.PROCESSOR)
public class PlanBookProjection {

    public static final String PROCESSOR = "plan-books";
    public static final String COLLECTION = "plan_books";

    private final BatchedBooks<PlanBook> books;
    private final MongoCollection<Document> collection;

    public PlanBookProjection(MongoDatabase ledgerDatabase) {
        this.books = new BatchedBooks<>(ledgerDatabase, COLLECTION, PlanBook.class, PlanBook::new);
        this.collection = ledgerDatabase.getCollection(COLLECTION);
    }

    static PlanBook.Recorded recorded(EventMessage<?> message) {
        Object actor = message.getMetaData().get(LedgerMetadata.ACTOR_ID);
        return new PlanBook.Recorded(message.getTimestamp(), actor == null ? null : actor.toString());
    }

    private void fold(String org, String planId, Object event, EventMessage<?> message) {
        books.fold(PlanId.of(org, planId), message instanceof org.axonframework.eventhandling.TrackedEventMessage<?> t
                ? t.trackingToken() : null, book -> book.apply(event, recorded(message)));
    }

    @EventHandler
    void on(PlanDefined e, EventMessage<?> m) {
        fold(e.organisationId(), e.planId(), e, m);
    }

    @EventHandler
    void on(IndicatorTargetSet e, EventMessage<?> m) {
        fold(e.organisationId(), e.planId(), e, m);
    }

    @EventHandler
    void on(IndicatorTargetAmended e, EventMessage<?> m) {
        fold(e.organisationId(), e.planId(), e, m);
    }

    @EventHandler
    void on(IndicatorRealisationRecorded e, EventMessage<?> m) {
        fold(e.organisationId(), e.planId(), e, m);
    }

    @EventHandler
    void on(IndicatorRealisationCorrected e, EventMessage<?> m) {
        fold(e.organisationId(), e.planId(), e, m);
    }

    @EventHandler
    void on(SurveyRecorded e, EventMessage<?> m) {
        fold(e.organisationId(), e.planId(), e, m);
    }

    @EventHandler
    void on(SakipEvaluationRecorded e, EventMessage<?> m) {
        fold(e.organisationId(), e.planId(), e, m);
    }

    @ResetHandler
    void reset() {
        books.reset();
    }

    /**
     * The live plans of an organisation. The filter is not on {@code _id}, so mongo-java-server scans
     * {@code plan_books}: one small document per Renstra.
     */
    public List<PlanBook> plansOf(String organisationId) {
        List<PlanBook> plans = new ArrayList<>();
        for (Document d : collection.find(Filters.eq("organisationId", organisationId))) {
            plans.add(books.codec().read(d));
        }
        return plans;
    }
}
