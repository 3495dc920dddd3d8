package id.sakip.ledger.performance.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoDatabase;

import id.sakip.ledger.eventstore.metadata.LedgerMetadata;
import id.sakip.ledger.eventstore.projection.BatchedBooks;
import id.sakip.ledger.organisation.api.OrganisationRegistered;
import id.sakip.ledger.performance.api.KabupatenGradingScaleSet;
import id.sakip.ledger.performance.api.OrganisationGradingScaleOverridden;

/**
 * The category scales read model: one {@link ScaleBook} per kabupaten and per organisation in
 * {@code grading_scales}, with the whole history, so {@code asOf} reads the same documents.
 */
@Component
@ProcessingGroup(GradingScaleProjection.PROCESSOR)
public class GradingScaleProjection {

    public static final String PROCESSOR = "grading-scales";
    public static final String COLLECTION = "grading_scales";

    private final BatchedBooks<ScaleBook> books;

    public GradingScaleProjection(MongoDatabase ledgerDatabase) {
        this.books = new BatchedBooks<>(ledgerDatabase, COLLECTION, ScaleBook.class, ScaleBook::new);
    }

    private void fold(String id, Object event, EventMessage<?> message) {
        Object actor = message.getMetaData().get(LedgerMetadata.ACTOR_ID);
        books.fold(id, message instanceof TrackedEventMessage<?> t ? t.trackingToken() : null,
                book -> book.apply(event, message.getTimestamp(), actor == null ? null : actor.toString()));
    }

    @EventHandler
    void on(KabupatenGradingScaleSet e, EventMessage<?> m) {
        fold(ScaleBook.idOfKabupaten(e.kabupatenId()), e, m);
    }

    @EventHandler
    void on(OrganisationGradingScaleOverridden e, EventMessage<?> m) {
        fold(ScaleBook.idOfOrganisation(e.organisationId()), e, m);
    }

    @EventHandler
    void on(OrganisationRegistered e, EventMessage<?> m) {
        fold(ScaleBook.idOfOrganisation(e.organisationId()), e, m);
    }

    @ResetHandler
    void reset() {
        books.reset();
    }

    /** The stored book, or an empty one. */
    public ScaleBook book(String id) {
        ScaleBook book = books.find(id);
        return book == null ? new ScaleBook() : book;
    }
}
