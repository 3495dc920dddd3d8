package id.sakip.ledger.organisation.query;

import java.util.ArrayList;
import java.util.List;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;

import id.sakip.ledger.organisation.api.OrganisationRegistered;

/** The organisations known to the ledger, as a read model ({@code organisations}). */
@Component
@ProcessingGroup(OrganisationDirectory.PROCESSOR)
public class OrganisationDirectory {

    public static final String PROCESSOR = "organisations";
    public static final String COLLECTION = "organisations";

    /** An organisation as listed. */
    public record OrganisationView(String organisationId, String name, String kabupaten, String provinsi,
                                   String head, List<String> villages, String headName, String headNip,
                                   String reportPlace) {

        /** An organisation whose signer is not known. */
        public OrganisationView(String organisationId, String name, String kabupaten, String provinsi, String head,
                                List<String> villages) {
            this(organisationId, name, kabupaten, provinsi, head, villages, null, null, null);
        }
    }

    private final MongoCollection<Document> organisations;

    public OrganisationDirectory(MongoDatabase ledgerDatabase) {
        this.organisations = ledgerDatabase.getCollection(COLLECTION);
    }

    @EventHandler
    void on(OrganisationRegistered e) {
        organisations.replaceOne(Filters.eq("_id", e.organisationId()), new Document("_id", e.organisationId())
                .append("name", e.name()).append("kabupaten", e.kabupaten()).append("provinsi", e.provinsi())
                .append("head", e.head()).append("villages", e.villages()).append("headName", e.headName())
                .append("headNip", e.headNip()).append("reportPlace", e.reportPlace()),
                new ReplaceOptions().upsert(true));
    }

    @ResetHandler
    void reset() {
        organisations.deleteMany(new Document());
    }

    public List<OrganisationView> all() {
        List<OrganisationView> result = new ArrayList<>();
        for (Document d : organisations.find().sort(Sorts.ascending("_id"))) {
            result.add(view(d));
        }
        return result;
    }

    /** The name an organisation was registered with, or {@code null}. */
    public String nameOf(String organisationId) {
        Document d = organisations.find(Filters.eq("_id", organisationId)).first();
        return d == null ? null : d.getString("name");
    }

    /** One organisation, if it is registered. */
    public java.util.Optional<OrganisationView> find(String organisationId) {
        return java.util.Optional.ofNullable(organisations.find(Filters.eq("_id", organisationId)).first())
                .map(OrganisationDirectory::view);
    }

    private static OrganisationView view(Document d) {
        return new OrganisationView(d.getString("_id"), d.getString("name"), d.getString("kabupaten"),
                d.getString("provinsi"), d.getString("head"), d.getList("villages", String.class),
                d.getString("headName"), d.getString("headNip"), d.getString("reportPlace"));
    }
}
